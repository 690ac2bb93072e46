package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
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
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs, "RESPLINT_CACHE="+cache)
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
