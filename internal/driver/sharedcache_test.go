package driver

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Facts kept through a cache program are read by a run whose local fact
// cache is empty, as on a second CI machine: it analyses no dependency
// from source, and finds the same. A program that fails, to start or in
// the middle of a run, costs a warning and the facts it would have given,
// which are computed from source; the findings do not change.
func TestSharedCache(t *testing.T) {
	tmp := t.TempDir()
	prog := filepath.Join(tmp, "dirprog")
	if out, err := exec.Command("go", "build", "-o", prog, "../cacheprog/testdata/dirprog").CombinedOutput(); err != nil {
		t.Fatalf("building dirprog: %v\n%s", err, out)
	}
	store := filepath.Join(tmp, "store")
	os.Mkdir(store, 0o777)
	proxy := filepath.Join(tmp, "proxy")
	writeModuleProxy(t, proxy, "example.com/helper", "v1.0.0", map[string]string{
		"go.mod":         "module example.com/helper\n\ngo 1.22\n",
		"helper.go":      "package helper\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/helper/inner\"\n)\n\nfunc WriteJSON(w http.ResponseWriter) { inner.WriteText(w) }\n",
		"inner/inner.go": "package inner\n\nimport \"net/http\"\n\nfunc WriteText(w http.ResponseWriter) {}\n",
	})
	app := filepath.Join(tmp, "app")
	os.MkdirAll(app, 0o777)
	os.WriteFile(filepath.Join(app, "go.mod"), []byte("module example.com/app\n\ngo 1.22\n\nrequire example.com/helper v1.0.0\n"), 0o666)
	os.WriteFile(filepath.Join(app, "app.go"), []byte("package app\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/helper\"\n)\n\nfunc handle(w http.ResponseWriter, r *http.Request) { helper.WriteJSON(w) }\n"), 0o666)
	t.Chdir(app)
	t.Setenv("GOPROXY", "file://"+filepath.ToSlash(proxy))
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOSUMDB", "off")
	t.Setenv("GOMODCACHE", filepath.Join(tmp, "modcache"))
	t.Setenv("GOCACHEPROG", "") // the go command keeps its own cache
	t.Setenv("RESPLINT_CACHEPROG", prog)
	t.Setenv("DIRPROG_DIR", store)
	if out, err := exec.Command("go", "build", "./...").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	runs := map[string]*atomic.Int32{"example.com/helper": new(atomic.Int32), "example.com/helper/inner": new(atomic.Int32)}
	a := newWriterAnalyzer(runs)
	Prepare([]*analysis.Analyzer{a})
	var warnings bytes.Buffer
	cfg := Config{Sources: func(p *packages.Package) bool { return p.Module != nil }, Warnings: &warnings}
	// analyze runs on a machine of its own, with an empty local cache,
	// and returns how many dependencies it analysed from source, and the
	// line the program appended to its stats.
	analyze := func(step string) (int32, string) {
		t.Helper()
		t.Setenv("RESPLINT_CACHE", filepath.Join(tmp, "facts", step))
		os.Remove(filepath.Join(store, "stats"))
		warnings.Reset()
		for _, n := range runs {
			n.Store(0)
		}
		res, err := Analyze([]*analysis.Analyzer{a}, []string{"./..."}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range res.Diagnostics() {
			got = append(got, d.Message)
		}
		if want := "calls writer WriteJSON"; len(got) != 1 || got[0] != want {
			t.Errorf("%s: diagnostics %q, want %q", step, got, want)
		}
		stats, _ := os.ReadFile(filepath.Join(store, "stats"))
		return runs["example.com/helper"].Load() + runs["example.com/helper/inner"].Load(), strings.TrimSpace(string(stats))
	}

	// The first asks for the facts of inner, and of helper unless it
	// knows it reads it from source anyway.
	if n, stats := analyze("first"); n != 2 || !strings.HasSuffix(stats, "hits 0 puts 2") || warnings.Len() > 0 {
		t.Errorf("first machine: %d dependencies analysed (want 2), program stats %q (want no hits and 2 puts), warnings %q", n, stats, warnings.String())
	}
	if n, stats := analyze("second"); n != 0 || stats != "gets 2 hits 2 puts 0" || warnings.Len() > 0 {
		t.Errorf("second machine: %d dependencies analysed (want 0), program stats %q (want 2 hits), warnings %q", n, stats, warnings.String())
	}

	// The program dies after one get: the other package is analysed
	// from source, and the run says, once, that the program failed.
	t.Setenv("DIRPROG_EXIT_AFTER", "1")
	if n, _ := analyze("dies"); n == 0 || strings.Count(warnings.String(), "warning") != 1 || !strings.Contains(warnings.String(), "RESPLINT_CACHEPROG") {
		t.Errorf("program that dies: %d dependencies analysed (want some), warnings %q (want one)", n, warnings.String())
	}
	t.Setenv("DIRPROG_EXIT_AFTER", "")

	t.Setenv("RESPLINT_CACHEPROG", filepath.Join(tmp, "missing"))
	if n, _ := analyze("missing"); n != 2 || strings.Count(warnings.String(), "warning") != 1 {
		t.Errorf("missing program: %d dependencies analysed (want 2), warnings %q (want one)", n, warnings.String())
	}
}

// RESPLINT_CACHEPROG names the cache program, or else GOCACHEPROG does;
// RESPLINT_CACHEPROG=off names none, whatever GOCACHEPROG says.
func TestCacheProgCommand(t *testing.T) {
	for _, c := range []struct{ resplint, goCache, env, command string }{
		{"", "", "GOCACHEPROG", ""},
		{"", "gocacheprog -dir /c", "GOCACHEPROG", "gocacheprog -dir /c"},
		{"mine", "gocacheprog", "RESPLINT_CACHEPROG", "mine"},
		{"off", "gocacheprog", "", ""},
	} {
		t.Setenv("RESPLINT_CACHEPROG", c.resplint)
		t.Setenv("GOCACHEPROG", c.goCache)
		if env, command := cacheProgCommand(); env != c.env || command != c.command {
			t.Errorf("RESPLINT_CACHEPROG=%q GOCACHEPROG=%q: %s=%q, want %s=%q", c.resplint, c.goCache, env, command, c.env, c.command)
		}
	}
}
