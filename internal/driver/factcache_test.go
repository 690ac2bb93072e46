package driver

import (
	"archive/zip"
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// writerFact marks a function whose name begins with Write.
type writerFact struct{ Name string }

func (*writerFact) AFact() {}

// newWriterAnalyzer returns an analyzer that exports a writerFact for each
// function named Write... and reports calls to functions with the fact.
// It counts its runs on each package, by path.
func newWriterAnalyzer(runs map[string]*atomic.Int32) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "writers",
		Doc:       "reports calls of functions named Write...",
		FactTypes: []analysis.Fact{new(writerFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			if n, ok := runs[pass.Pkg.Path()]; ok {
				n.Add(1)
			}
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncDecl:
						if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok && strings.HasPrefix(fn.Name(), "Write") {
							pass.ExportObjectFact(fn, &writerFact{Name: fn.Name()})
						}
					case *ast.CallExpr:
						if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
							var fact writerFact
							if fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func); ok && pass.ImportObjectFact(fn, &fact) {
								pass.Reportf(n.Pos(), "calls writer %s", fact.Name)
							}
						}
					}
					return true
				})
			}
			return nil, nil
		},
	}
}

// writeModuleProxy writes, under dir, a GOPROXY holding module path at
// version v with the given files.
func writeModuleProxy(t *testing.T, dir, path, v string, files map[string]string) {
	t.Helper()
	at := filepath.Join(dir, filepath.FromSlash(path), "@v")
	if err := os.MkdirAll(at, 0o777); err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(at, name), []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	write("list", v+"\n")
	write(v+".info", `{"Version":"`+v+`"}`)
	write(v+".mod", files["go.mod"])
	f, err := os.Create(filepath.Join(at, v+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, content := range files {
		w, err := zw.Create(path + "@" + v + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// The facts of a third-party package are computed from its source once,
// then read from the fact cache, with its types from export data, and
// the findings do not change. Those of a module replaced by a directory,
// which may be edited, are not cached.
func TestFactCache(t *testing.T) {
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	writeModuleProxy(t, proxy, "example.com/helper", "v1.0.0", map[string]string{
		"go.mod": "module example.com/helper\n\ngo 1.22\n",
		"helper.go": `package helper

import "net/http"

func WriteJSON(w http.ResponseWriter, v any) { w.Write([]byte("{}")) }

func Other() {}
`,
		"quiet/quiet.go": "package quiet\n\nimport \"net/http\"\n\nfunc Status(w http.ResponseWriter) { w.WriteHeader(204) }\n",
	})
	mod := filepath.Join(tmp, "app")
	os.MkdirAll(mod, 0o777)
	local := filepath.Join(tmp, "local")
	os.MkdirAll(local, 0o777)
	os.WriteFile(filepath.Join(local, "go.mod"), []byte("module example.com/local\n\ngo 1.22\n"), 0o666)
	os.WriteFile(filepath.Join(local, "local.go"), []byte("package local\n\nimport \"net/http\"\n\nfunc WriteText(w http.ResponseWriter) {}\n"), 0o666)
	os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/helper v1.0.0\n\texample.com/local v1.0.0\n)\n\nreplace example.com/local v1.0.0 => ../local\n"), 0o666)
	os.WriteFile(filepath.Join(mod, "app.go"), []byte(`package app

import (
	"net/http"

	"example.com/helper"
	"example.com/helper/quiet"
	"example.com/local"
)

func handle(w http.ResponseWriter, r *http.Request) {
	quiet.Status(w)
	helper.Other()
	helper.WriteJSON(w, nil)
	local.WriteText(w)
}
`), 0o666)
	t.Chdir(mod)
	t.Setenv("GOPROXY", "file://"+filepath.ToSlash(proxy))
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GONOSUMDB", "example.com")
	t.Setenv("GONOSUMCHECK", "1")
	t.Setenv("GOSUMDB", "off")
	t.Setenv("GOMODCACHE", filepath.Join(tmp, "modcache"))
	t.Setenv("RESPLINT_CACHE", filepath.Join(tmp, "facts"))

	runs := map[string]*atomic.Int32{"example.com/helper": new(atomic.Int32), "example.com/local": new(atomic.Int32)}
	a := newWriterAnalyzer(runs)
	Prepare([]*analysis.Analyzer{a})
	// Every package but the standard library's is to be read from source
	// for facts, unless they are cached.
	cfg := Config{Sources: func(p *packages.Package) bool { return p.Module != nil }}
	analyze := func(step string, wantRuns int32) *Result {
		t.Helper()
		for _, n := range runs {
			n.Store(0)
		}
		res, err := Analyze([]*analysis.Analyzer{a}, []string{"./..."}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Broken) > 0 {
			t.Fatalf("%s: broken packages: %+v", step, res.Broken[0])
		}
		var got []string
		for _, d := range res.Diagnostics() {
			got = append(got, d.Message)
		}
		if want := []string{"calls writer WriteJSON", "calls writer WriteText"}; !slices.Equal(got, want) {
			t.Errorf("%s: diagnostics %q, want %q", step, got, want)
		}
		if got := runs["example.com/helper"].Load(); got != wantRuns {
			t.Errorf("%s: the analyzer ran %d times on example.com/helper, want %d", step, got, wantRuns)
		}
		if got := runs["example.com/local"].Load(); got != 1 {
			t.Errorf("%s: the analyzer ran %d times on example.com/local (replaced by a directory), want 1", step, got)
		}
		return res
	}
	// The dependency was never built: no export data, so it is read from
	// source and its facts are not kept.
	analyze("before go build", 1)
	analyze("before go build, again", 1)
	if out, err := exec.Command("go", "build", "./...").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	analyze("after go build", 1)
	// quiet, whose cached facts are none, is not analysed for them.
	if res := analyze("with the facts cached", 0); res.Analysed != 3 {
		t.Errorf("with the facts cached: %d packages analysed, want 3 (app, local, helper)", res.Analysed)
	}

	// An entry cut short is a miss, and written anew.
	entries, _ := filepath.Glob(filepath.Join(tmp, "facts", "*", "*"))
	if len(entries) == 0 {
		t.Fatal("no entries in the fact cache")
	}
	for _, name := range entries {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, data[:len(data)/2], 0o666); err != nil {
			t.Fatal(err)
		}
	}
	analyze("with the entries cut short", 1)
	analyze("with the entries written anew", 0)

	// Without the cache, the facts come from source every time.
	t.Setenv("RESPLINT_CACHE", "off")
	analyze("without the cache", 1)
}

// Entries no run used for trimAge are deleted, at most once a day; using
// an entry keeps it.
func TestFactCacheTrim(t *testing.T) {
	c := &factCache{dir: t.TempDir()}
	a := &analysis.Analyzer{Name: "a"}
	old := time.Now().Add(-trimAge - time.Hour)
	entry, err := encodeEntry([]factRecord{})
	if err != nil {
		t.Fatal(err)
	}
	write := func(key string) string {
		name := c.file(a, key)
		os.MkdirAll(filepath.Dir(name), 0o777)
		if err := os.WriteFile(name, entry, 0o666); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(name, old, old)
		return name
	}
	exists := func(name string) bool { _, err := os.Stat(name); return err == nil }

	unused, used := write("unused"), write("used")
	if c.read([]*analysis.Analyzer{a}, "used") == nil {
		t.Fatal("read: entry not found")
	}
	c.trim()
	if exists(unused) || !exists(used) {
		t.Errorf("after trim: unused entry exists %v (want false), used entry exists %v (want true)", exists(unused), exists(used))
	}
	again := write("again")
	c.trim() // trimmed less than a day ago: nothing to do
	if !exists(again) {
		t.Error("a second trim within a day deleted an entry")
	}
}

// One run fills the cache: the facts of a third-party package are kept
// even when it is read from source because a package it imports was not
// cached yet. Before, a chain of modules took a run per link to be cached
// (as the order of a map's iteration allowed).
func TestFactCacheChain(t *testing.T) {
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	const links = 5
	runs := make(map[string]*atomic.Int32)
	require := ""
	for i := 1; i <= links; i++ {
		path := fmt.Sprintf("example.com/m%d", i)
		runs[path] = new(atomic.Int32)
		src := fmt.Sprintf("package m%d\n\nimport \"net/http\"\n\nfunc Write%d(w http.ResponseWriter) { w.Write(nil) }\n", i, i)
		mod := fmt.Sprintf("module %s\n\ngo 1.22\n", path)
		if i > 1 {
			src = fmt.Sprintf("package m%d\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/m%d\"\n)\n\nfunc Write%d(w http.ResponseWriter) { m%d.Write%d(w) }\n", i, i-1, i, i-1, i-1)
			mod += fmt.Sprintf("\nrequire example.com/m%d v1.0.0\n", i-1)
		}
		writeModuleProxy(t, proxy, path, "v1.0.0", map[string]string{"go.mod": mod, fmt.Sprintf("m%d.go", i): src})
		require += fmt.Sprintf("\t%s v1.0.0\n", path)
	}
	app := filepath.Join(tmp, "app")
	os.MkdirAll(app, 0o777)
	os.WriteFile(filepath.Join(app, "go.mod"), []byte("module example.com/app\n\ngo 1.22\n\nrequire (\n"+require+")\n"), 0o666)
	os.WriteFile(filepath.Join(app, "app.go"), []byte(fmt.Sprintf(`package app

import (
	"net/http"

	"example.com/m%d"
)

func handle(w http.ResponseWriter, r *http.Request) { m%d.Write%d(w) }
`, links, links, links)), 0o666)
	t.Chdir(app)
	t.Setenv("GOPROXY", "file://"+filepath.ToSlash(proxy))
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOSUMDB", "off")
	t.Setenv("GOMODCACHE", filepath.Join(tmp, "modcache"))
	t.Setenv("RESPLINT_CACHE", filepath.Join(tmp, "facts"))
	if out, err := exec.Command("go", "build", "./...").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	a := newWriterAnalyzer(runs)
	Prepare([]*analysis.Analyzer{a})
	cfg := Config{Sources: func(p *packages.Package) bool { return p.Module != nil }}
	for run, want := range []int32{1, 0} {
		for _, n := range runs {
			n.Store(0)
		}
		res, err := Analyze([]*analysis.Analyzer{a}, []string{"./..."}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Diagnostics()) != 1 {
			t.Errorf("run %d: diagnostics %v, want one", run+1, res.Diagnostics())
		}
		for path, n := range runs {
			if got := n.Load(); got != want {
				t.Errorf("run %d: the analyzer ran %d times on %s, want %d", run+1, got, path, want)
			}
		}
	}
}

// A damaged entry is a miss whatever byte is damaged: the findings are
// those of a run without the cache, and the entry is written anew, intact.
// Before entries had a checksum, most damaged bytes still decoded, to facts
// that said something else or nothing.
func TestFactCacheCorruptEntry(t *testing.T) {
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	writeModuleProxy(t, proxy, "example.com/helper", "v1.0.0", map[string]string{
		"go.mod":    "module example.com/helper\n\ngo 1.22\n",
		"helper.go": "package helper\n\nimport \"net/http\"\n\nfunc WriteJSON(w http.ResponseWriter) {}\n\nfunc WriteText(w http.ResponseWriter) {}\n",
	})
	mod := filepath.Join(tmp, "app")
	os.MkdirAll(mod, 0o777)
	os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/app\n\ngo 1.22\n\nrequire example.com/helper v1.0.0\n"), 0o666)
	os.WriteFile(filepath.Join(mod, "app.go"), []byte(`package app

import (
	"net/http"

	"example.com/helper"
)

func handle(w http.ResponseWriter, r *http.Request) {
	helper.WriteJSON(w)
	helper.WriteText(w)
}
`), 0o666)
	t.Chdir(mod)
	t.Setenv("GOPROXY", "file://"+filepath.ToSlash(proxy))
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOSUMDB", "off")
	t.Setenv("GOMODCACHE", filepath.Join(tmp, "modcache"))
	if out, err := exec.Command("go", "build", "./...").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	runs := map[string]*atomic.Int32{"example.com/helper": new(atomic.Int32)}
	a := newWriterAnalyzer(runs)
	Prepare([]*analysis.Analyzer{a})
	cfg := Config{Sources: func(p *packages.Package) bool { return p.Module != nil }}
	analyze := func() []string {
		t.Helper()
		res, err := Analyze([]*analysis.Analyzer{a}, []string{"./..."}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range res.Diagnostics() {
			got = append(got, d.Message)
		}
		return got
	}
	t.Setenv("RESPLINT_CACHE", "off")
	want := analyze()
	if len(want) != 2 {
		t.Fatalf("without the cache: diagnostics %q, want two", want)
	}
	t.Setenv("RESPLINT_CACHE", filepath.Join(tmp, "facts"))
	analyze() // fills the cache
	entries, _ := filepath.Glob(filepath.Join(tmp, "facts", "??", "*"))
	if len(entries) != 1 {
		t.Fatalf("fact cache entries %q, want one", entries)
	}
	entry := entries[0]
	good, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	damaged := func(i int) []byte {
		bad := bytes.Clone(good)
		bad[i] ^= 0xff
		return bad
	}
	// Every damaged byte is caught when the entry is read; a whole run
	// takes a few tenths of a second, so runs try a sample of them,
	// spread over the header, the checksum and the facts.
	for i := range good {
		if recs, err := decodeEntry(damaged(i)); err == nil {
			t.Errorf("byte %d of %d damaged: the entry decodes, to %d facts", i, len(good), len(recs))
		}
	}
	step := max(1, len(good)/16)
	for i := 0; i < len(good); i += step {
		if err := os.WriteFile(entry, damaged(i), 0o666); err != nil {
			t.Fatal(err)
		}
		runs["example.com/helper"].Store(0)
		if got := analyze(); !slices.Equal(got, want) {
			t.Errorf("byte %d of %d damaged: diagnostics %q, want %q", i, len(good), got, want)
		}
		if n := runs["example.com/helper"].Load(); n != 1 {
			t.Errorf("byte %d of %d damaged: the analyzer ran %d times on the helper, want 1", i, len(good), n)
		}
		data, err := os.ReadFile(entry)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := decodeEntry(data); err != nil {
			t.Fatalf("byte %d of %d damaged: the entry written anew does not decode: %v", i, len(good), err)
		}
	}
}

// verifiedTestFact is a fact that can tell it is malformed.
type verifiedTestFact struct{ OK bool }

func (*verifiedTestFact) AFact() {}

func (f *verifiedTestFact) Verify() error {
	if !f.OK {
		return errors.New("malformed")
	}
	return nil
}

// An entry whose checksum holds but whose facts are malformed (written by
// a faulty run, say) is not read either.
func TestFactCacheVerify(t *testing.T) {
	gob.Register(new(verifiedTestFact))
	for _, ok := range []bool{true, false} {
		data, err := encodeEntry([]factRecord{{"", &verifiedTestFact{OK: ok}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := decodeEntry(data); (err == nil) != ok {
			t.Errorf("a fact whose Verify returns %v: decodeEntry error %v", map[bool]string{true: "nil", false: "an error"}[ok], err)
		}
	}
}
