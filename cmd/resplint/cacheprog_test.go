package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resplint/resplint/internal/testlock"
)

// A cache program written for the test (internal/cacheprog/testdata/
// dirprog), speaking the go command's GOCACHEPROG protocol, keeps the
// go command's build cache, and resplint's facts for two machines: the
// second, with an empty local fact cache, reads every entry the first put
// there, analyses no dependency from source, and prints the same bytes.
func TestCacheProg(t *testing.T) {
	tmp := t.TempDir()
	prog := filepath.Join(tmp, "dirprog")
	if res := execIn(t, ".", goTool, "build", "-o", prog, "../../internal/cacheprog/testdata/dirprog"); res.code != 0 {
		t.Fatalf("building dirprog: %s", res.stderr)
	}
	// stats runs program with env in dir and returns its exit status
	// and the gets, hits and puts of the cache program in store.
	stats := func(store, dir string, env []string, program string, args ...string) (result, [3]int) {
		t.Helper()
		os.MkdirAll(store, 0o777)
		os.Remove(filepath.Join(store, "stats"))
		res := execEnv(t, dir, append(env, "DIRPROG_DIR="+store), program, args...)
		data, err := os.ReadFile(filepath.Join(store, "stats"))
		if err != nil {
			t.Fatalf("%s %s did not run the cache program: %v\n%s", program, strings.Join(args, " "), err, res.stderr)
		}
		var total [3]int
		for line := range strings.Lines(string(data)) {
			var n [3]int
			if _, err := fmt.Sscanf(line, "gets %d hits %d puts %d", &n[0], &n[1], &n[2]); err != nil {
				t.Fatalf("stats %q: %v", line, err)
			}
			total[0], total[1], total[2] = total[0]+n[0], total[1]+n[1], total[2]+n[2]
		}
		return res, total
	}

	t.Run("go build", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module hello\n\ngo 1.24\n"), 0o666)
		os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o666)
		store := filepath.Join(tmp, "gostore")
		env := []string{"GOCACHEPROG=" + prog, "GOFLAGS=-mod=mod"}
		for i, want := range []string{"puts", "hits"} {
			res, n := stats(store, dir, env, goTool, "build", "-o", filepath.Join(dir, "hello"), ".")
			if res.code != 0 {
				t.Fatalf("go build %d with GOCACHEPROG: %s", i+1, res.stderr)
			}
			if want == "puts" && n[2] == 0 || want == "hits" && n[1] == 0 {
				t.Errorf("go build %d with GOCACHEPROG: gets, hits, puts %v; want some %s", i+1, n, want)
			}
		}
	})

	// On a module whose helper is in a module version of its own, and,
	// with RESPLINT_LONG=1, on the testdata module (every framework, which
	// the go command must compile first).
	t.Run("resplint", func(t *testing.T) {
		helper, helperEnv := thirdPartyFixture(t)
		targets := []struct {
			dir string
			env []string
		}{{helper, helperEnv}}
		if os.Getenv("RESPLINT_LONG") != "" {
			testdata, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
			if err != nil {
				t.Fatal(err)
			}
			targets = append(targets, struct {
				dir string
				env []string
			}{testdata, nil})
		}
		for i, tg := range targets {
			// Only dependencies with export data in the build cache have
			// their facts cached.
			var res result
			testlock.Do(t, func() { res = execEnv(t, tg.dir, tg.env, goTool, "build", "./...") })
			if res.code != 0 {
				t.Fatalf("go build ./... in %s: %s", tg.dir, res.stderr)
			}
			store := filepath.Join(tmp, fmt.Sprintf("factstore%d", i))
			var outputs []result
			for m := range 2 {
				env := append([]string{"RESPLINT_CACHEPROG=" + prog, "GOCACHEPROG=", "RESPLINT_CACHE=" + filepath.Join(tmp, fmt.Sprintf("target%d-machine%d", i, m+1))}, tg.env...)
				res, n := stats(store, tg.dir, env, binary, "-json", "./...")
				if res.stdout == "" || res.code != 0 {
					t.Fatalf("%s, machine %d: exit status %d, output:\n%s%s", tg.dir, m+1, res.code, res.stdout, res.stderr)
				}
				gets, hits, puts := n[0], n[1], n[2]
				switch {
				case m == 0 && (hits != 0 || puts == 0):
					t.Errorf("%s, machine 1: gets, hits, puts %v; want no hits and some puts", tg.dir, n)
				case m == 1 && (gets == 0 || hits != gets || puts != 0):
					t.Errorf("%s, machine 2: gets, hits, puts %v; want every get a hit, and no puts (no package analysed from source)", tg.dir, n)
				}
				outputs = append(outputs, res)
			}
			if outputs[0] != outputs[1] {
				t.Errorf("%s: the output on machine 2 differs from that on machine 1\nmachine 1:\n%s%s\nmachine 2:\n%s%s", tg.dir, outputs[0].stdout, outputs[0].stderr, outputs[1].stdout, outputs[1].stderr)
			}
		}
	})
}
