package cache

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/internal/srcmap"
)

var download struct {
	once sync.Once
	out  []byte
	err  error
}

// testdata returns the absolute path of the repository's testdata module,
// whose packages import the real frameworks, after downloading them.
func testdata(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	download.once.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		download.out, download.err = cmd.CombinedOutput()
	})
	if download.err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, download.err, download.out)
	}
	return dir
}

// env is the environment of go list in tests: offline, like analysistest.
func env() []string {
	return append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
}

// firstFiles returns the first Go file of each of the named packages of
// the testdata module.
func firstFiles(t *testing.T, dir string, pkgs ...string) []string {
	var files []string
	for _, p := range pkgs {
		names, err := filepath.Glob(filepath.Join(dir, p, "*.go"))
		if err != nil || len(names) == 0 {
			t.Fatalf("no Go files in %s", p)
		}
		files = append(files, names[0])
	}
	return files
}

// lines formats diagnostics for comparison.
func lines(diags []Diagnostic) []string {
	var out []string
	for _, d := range diags {
		s := fmt.Sprintf("%s:%d-%d: %s/%s: %s", filepath.Base(d.Range.File), d.Range.Start, d.Range.End, d.Analyzer.Name, d.Category, d.Message)
		for _, r := range d.Related {
			s += fmt.Sprintf(" [related %s:%d %s]", filepath.Base(r.Range.File), r.Range.Start, r.Message)
		}
		for _, f := range d.Fixes {
			s += fmt.Sprintf(" [fix %q, %d edits]", f.Message, len(f.Edits))
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// The cache reports exactly what checker reports, with every analyzer, on
// every package of the testdata module: the checks' cases on every
// framework, including the cross-package helpers that need facts.
func TestSameAsChecker(t *testing.T) {
	dir := testdata(t)
	var pkgs []string
	names, err := filepath.Glob(filepath.Join(dir, "*", "*", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		rel, err := filepath.Rel(dir, filepath.Dir(name))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(pkgs, rel) {
			pkgs = append(pkgs, rel)
		}
	}

	c, err := New(Options{Analyzers: analyzers.All(), Sources: analyzers.Sources, Tests: true, Env: env()})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Run(context.Background(), firstFiles(t, dir, pkgs...), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Broken) > 0 || len(res.Failures) > 0 {
		t.Fatalf("broken: %v, failures: %v", res.Broken, res.Failures)
	}
	t.Logf("first run: %v", res.Stats)

	patterns := make([]string, len(pkgs))
	for i, p := range pkgs {
		patterns[i] = "./" + p
	}
	loaded, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Env: env(), Tests: true}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	var roots []*packages.Package
	for _, p := range loaded {
		if p.IllTyped {
			t.Fatalf("%s: %v", p.ID, p.Errors)
		}
		// As the command: the test variant in place of the package.
		if !strings.HasSuffix(p.ID, ".test") && !slices.ContainsFunc(loaded, func(q *packages.Package) bool { return q.ID == p.ID+" ["+p.PkgPath+".test]" }) {
			roots = append(roots, p)
		}
	}
	g, err := checker.Analyze(analyzers.All(), roots, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []Diagnostic
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("%v: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			srcs := srcmap.New(act.Package.Fset, os.ReadFile)
			srcs.AddPackage(act.Package.GoFiles, act.Package.CompiledGoFiles)
			want = append(want, resolveDiagnostic(act.Package.Fset, srcs, act.Analyzer, d))
		}
	}
	got, wantLines := lines(res.Diagnostics), slices.Compact(lines(want))
	if len(wantLines) < 20 {
		t.Fatalf("checker found only %d diagnostics", len(wantLines))
	}
	t.Logf("%d packages, %d diagnostics from checker", len(pkgs), len(wantLines))
	if !slices.Equal(got, wantLines) {
		t.Errorf("cache and checker differ:\ncache:\n%s\nchecker:\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
	}
}
