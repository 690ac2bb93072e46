package main

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resplint/resplint/internal/testlock"
)

// The same input gives byte-identical output, exit status included,
// across runs and GOMAXPROCS values, and whether the facts of third-party
// packages come from source (the first run, with an empty fact cache) or
// from the cache (the runs after it). By default text and JSON output run
// once with GOMAXPROCS=1 and once with 4 on the web fixture;
// RESPLINT_LONG=1 adds SARIF, runs each twice more, and also on the
// testdata module's privatecache and cookieflags packages (every
// framework).
func TestDeterministic(t *testing.T) {
	type target struct {
		dir      string
		patterns []string
	}
	targets := []target{{fixture(t, "web"), []string{"./..."}}}
	procs := []string{"1", "4"}
	formats := [][]string{nil, {"-json"}}
	if os.Getenv("RESPLINT_LONG") != "" {
		procs = append(procs, procs...)
		formats = append(formats, []string{"-sarif"})
		td, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
		if err != nil {
			t.Fatal(err)
		}
		targets = append(targets, target{td, []string{"./privatecache/...", "./cookieflags/..."}})
	}
	for _, tg := range targets {
		cache := t.TempDir()
		for _, format := range formats {
			args := append(append([]string(nil), format...), tg.patterns...)
			var first *output
			for _, p := range procs {
				out := runWithProcs(t, tg.dir, cache, p, args...)
				if first == nil {
					if len(out.stdout)+len(out.stderr) == 0 {
						t.Fatalf("resplint %v: no output", args)
					}
					first = out
					continue
				}
				if !bytes.Equal(out.stdout, first.stdout) || !bytes.Equal(out.stderr, first.stderr) || out.code != first.code {
					t.Errorf("resplint %v in %s with GOMAXPROCS=%s: output differs from the first run's (GOMAXPROCS=%s)\nfirst:\n%s%s\nthis:\n%s%s",
						args, tg.dir, p, procs[0], first.stdout, first.stderr, out.stdout, out.stderr)
				}
			}
		}
	}
}

// output is what one run printed.
type output struct {
	stdout, stderr []byte
	code           int
}

// runWithProcs runs resplint in dir with args, GOMAXPROCS=procs and the
// fact cache in cache.
func runWithProcs(t *testing.T, dir, cache, procs string, args ...string) *output {
	t.Helper()
	return runWithEnv(t, dir, []string{"GOMAXPROCS=" + procs, "RESPLINT_CACHE=" + cache}, args...)
}

// runWithEnv runs resplint in dir with args and env added to the
// environment.
func runWithEnv(t *testing.T, dir string, env []string, args ...string) *output {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	out := &output{stdout.Bytes(), stderr.Bytes(), 0}
	if exit, ok := err.(*exec.ExitError); ok {
		out.code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out
}

// The output is byte-identical, exit status included, whether the facts
// of third-party packages are computed from their source (an empty fact
// cache) or read from the cache a first run filled: on examples/, on a
// module whose helper, in a module version of its own, builds a
// Content-Disposition from its caller's argument, which the message and
// the SARIF related locations describe, and, with RESPLINT_LONG=1, on the
// testdata module (every framework, which the go command must compile
// first: minutes of CPU with an empty build cache). Each format starts
// from an empty cache.
func TestColdWarm(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	testdata, examples := filepath.Join(root, "testdata"), filepath.Join(root, "examples")
	helper, helperEnv := thirdPartyFixture(t)
	envs := map[string][]string{helper: helperEnv}
	dirs, built := []string{examples, helper}, []string{helper}
	if os.Getenv("RESPLINT_LONG") != "" {
		dirs, built = append(dirs, testdata), append(built, testdata)
	}
	// Only dependencies with export data in the build cache have their
	// facts cached.
	for _, dir := range built {
		var res result
		testlock.Do(t, func() { res = execEnv(t, dir, envs[dir], goTool, "build", "./...") })
		if res.code != 0 {
			t.Fatalf("go build ./... in %s: %s", dir, res.stderr)
		}
	}
	for _, dir := range dirs {
		for _, format := range [][]string{nil, {"-json"}, {"-sarif"}} {
			args := append(append([]string(nil), format...), "./...")
			env := append([]string{"RESPLINT_CACHE=" + t.TempDir()}, envs[dir]...)
			cold := runWithEnv(t, dir, env, args...)
			if len(cold.stdout)+len(cold.stderr) == 0 {
				t.Fatalf("resplint %v in %s: no output", args, dir)
			}
			if dir != examples { // it imports the standard library only
				if entries, _ := filepath.Glob(filepath.Join(strings.TrimPrefix(env[0], "RESPLINT_CACHE="), "*", "*")); len(entries) == 0 {
					t.Fatalf("resplint %v in %s cached no facts", args, dir)
				}
			}
			warm := runWithEnv(t, dir, env, args...)
			if !bytes.Equal(cold.stdout, warm.stdout) || !bytes.Equal(cold.stderr, warm.stderr) || cold.code != warm.code {
				t.Errorf("resplint %v in %s: output with the fact cache warm differs from cold\ncold (exit %d):\n%s%s\nwarm (exit %d):\n%s%s",
					args, dir, cold.code, cold.stdout, cold.stderr, warm.code, warm.stdout, warm.stderr)
			}
		}
	}
}

// thirdPartyFixture returns the directory of a module app that calls a
// helper of module example.com/dl v1.0.0, served by a GOPROXY in a
// temporary directory, and the environment of the go command that puts
// the helper in a module cache of its own.
func thirdPartyFixture(t *testing.T) (string, []string) {
	t.Helper()
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy", "example.com", "dl", "@v")
	const v = "v1.0.0"
	mod := "module example.com/dl\n\ngo 1.22\n"
	src := `package dl

import "net/http"

// Attach names the download after what its caller gives, unescaped.
func Attach(w http.ResponseWriter, name string) {
	value := "attachment; filename=" + name
	w.Header().Set("Content-Disposition", value)
}
`
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	for name, content := range map[string]string{"go.mod": mod, "dl.go": src} {
		w, err := zw.Create("example.com/dl@" + v + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	app := filepath.Join(tmp, "app")
	files := map[string]string{
		filepath.Join(proxy, "list"):    v + "\n",
		filepath.Join(proxy, v+".info"): `{"Version":"` + v + `"}`,
		filepath.Join(proxy, v+".mod"):  mod,
		filepath.Join(proxy, v+".zip"):  zipped.String(),
		filepath.Join(app, "go.mod"):    "module example.com/app\n\ngo 1.22\n\nrequire example.com/dl " + v + "\n",
		filepath.Join(app, "app.go"): `package app

import (
	"encoding/csv"
	"net/http"

	"example.com/dl"
)

func export(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/csv")
	dl.Attach(w, r.FormValue("name"))
	csv.NewWriter(w).Flush()
}
`,
	}
	for name, content := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return app, []string{
		"GOPROXY=file://" + filepath.ToSlash(filepath.Join(tmp, "proxy")),
		"GOFLAGS=-mod=mod -modcacherw",
		"GOSUMDB=off",
		"GOMODCACHE=" + filepath.Join(tmp, "modcache"),
	}
}
