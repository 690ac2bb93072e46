package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/analyzers"
)

// The driver reports what checker reports, with every analyzer, on every
// package of the testdata module: the checks' cases on every framework,
// including the helpers of other packages that need facts, and the test
// files.
func TestSameAsChecker(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("go", "-C", dir, "mod", "download").CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	t.Chdir(dir)
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOWORK", "off")
	t.Setenv("RESPLINT_CACHE", "off")

	list := analyzers.All()
	Prepare(list)
	res, err := Analyze(list, []string{"./..."}, Config{Tests: true, Sources: analyzers.Sources()})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Broken) > 0 || len(res.Errors()) > 0 {
		t.Fatalf("broken: %v, errors: %v", res.Broken, res.Errors())
	}
	var got []string
	for _, d := range res.Diagnostics() {
		got = append(got, diagLine(d.Fset, d.Analyzer, d.Diagnostic))
	}
	slices.Sort(got)
	got = slices.Compact(got) // a file analysed in two packages

	loaded, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: true}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	paths, byPath := candidates(loaded)
	var roots []*packages.Package
	for _, path := range paths {
		root, _ := firstTyped(byPath[path], func(*packages.Package) bool { return true })
		if root == nil {
			t.Fatalf("%s: no variant type-checks", path)
		}
		roots = append(roots, root)
	}
	g, err := checker.Analyze(analyzers.All(), roots, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("%v: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			want = append(want, diagLine(act.Package.Fset, act.Analyzer.Name, d))
		}
	}
	slices.Sort(want)
	want = slices.Compact(want) // a file analysed in two packages
	if len(want) < 100 {
		t.Fatalf("checker found only %d diagnostics", len(want))
	}
	t.Logf("%d packages, %d diagnostics", len(roots), len(want))
	if !slices.Equal(got, want) {
		t.Errorf("driver and checker differ:\ndriver:\n%s\nchecker:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// diagLine formats a diagnostic for comparison, naming files by their
// directory and base name.
func diagLine(fset *token.FileSet, analyzer string, d analysis.Diagnostic) string {
	short := func(name string) string { return filepath.Join(filepath.Base(filepath.Dir(name)), filepath.Base(name)) }
	posn := fset.Position(d.Pos)
	s := fmt.Sprintf("%s:%d:%d: %s/%s: %s", short(posn.Filename), posn.Line, posn.Column, analyzer, d.Category, d.Message)
	for _, r := range d.Related {
		rp := fset.Position(r.Pos)
		s += fmt.Sprintf(" [related %s:%d %s]", short(rp.Filename), rp.Line, r.Message)
	}
	for _, f := range d.SuggestedFixes {
		s += fmt.Sprintf(" [fix %q, %d edits]", f.Message, len(f.TextEdits))
	}
	return s
}

// probeFact is what the probe analyzer exports about a function; its
// payload makes it worth freeing.
type probeFact struct{ Payload []byte }

func (*probeFact) AFact() {}

// probeFuncs exports, for each function pass declares, the fact newFact
// returns for it, and reports each call of a function with a fact:
// "calls F".
func probeFuncs(pass *analysis.Pass, newFact func(*ast.FuncDecl) *probeFact) {
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				pass.ExportObjectFact(pass.TypesInfo.Defs[n.Name], newFact(n))
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && pass.ImportObjectFact(pass.TypesInfo.Uses[sel.Sel], new(probeFact)) {
					pass.Reportf(n.Pos(), "calls %s", sel.Sel.Name)
				}
			}
			return true
		})
	}
}

// A package's syntax is dropped once it is analysed, before the packages
// that import it are, and its facts once the last package that may import
// them is analysed.
func TestStreaming(t *testing.T) {
	writeModule(t, map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.22\n",
		"a/a.go": "package a\n\nfunc A() {}\n",
		"b/b.go": "package b\n\nimport \"example.com/app/a\"\n\nfunc B() { a.A() }\n",
		"c/c.go": "package c\n\nimport (\n\t\"example.com/app/a\"\n\t\"example.com/app/b\"\n)\n\nfunc C() { a.A(); b.B() }\n",
	})
	t.Setenv("RESPLINT_CACHE", "off")

	var mu sync.Mutex
	files := make(map[string]weak.Pointer[ast.File])
	facts := make(map[string]weak.Pointer[probeFact])
	probe := &analysis.Analyzer{
		Name:      "probe",
		Doc:       "exports a fact for each function and reports the calls of functions with one",
		FactTypes: []analysis.Fact{new(probeFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			path := pass.Pkg.Path()
			if path == "example.com/app/c" {
				// Everything else is done: its syntax is gone, not its
				// facts, which c imports.
				runtime.GC()
				mu.Lock()
				for _, p := range []string{"example.com/app/a", "example.com/app/b"} {
					if files[p].Value() != nil {
						t.Errorf("the syntax of %s is still in memory while c is analysed", p)
					}
					if facts[p].Value() == nil {
						t.Errorf("the fact of %s is gone before c, which imports it, is analysed", p)
					}
				}
				mu.Unlock()
			}
			probeFuncs(pass, func(*ast.FuncDecl) *probeFact {
				fact := &probeFact{Payload: make([]byte, 1<<20)}
				mu.Lock()
				facts[path] = weak.Make(fact)
				mu.Unlock()
				return fact
			})
			mu.Lock()
			files[path] = weak.Make(pass.Files[0])
			mu.Unlock()
			return nil, nil
		},
	}
	Prepare([]*analysis.Analyzer{probe})
	res, err := Analyze([]*analysis.Analyzer{probe}, []string{"./..."}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diagnostics() {
		got = append(got, d.Message)
	}
	if want := []string{"calls A", "calls A", "calls B"}; !slices.Equal(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	runtime.GC()
	for p, f := range facts {
		if f.Value() != nil {
			t.Errorf("the fact of %s is still in memory after the run", p)
		}
	}
	runtime.KeepAlive(res)
}

// A package whose test variant does not type-check is analysed as a root
// itself, even when it was analysed and released, for the facts of a
// package importing it, before its test variant failed: it is then
// type-checked again.
func TestRecheck(t *testing.T) {
	writeModule(t, map[string]string{
		"go.mod":      "module example.com/app\n\ngo 1.22\n",
		"d/d.go":      "package d\n\nfunc D() {}\n",
		"p/p.go":      "package p\n\nimport \"example.com/app/d\"\n\nfunc P() { d.D() }\n",
		"p/p_test.go": "package p\n\nimport \"example.com/app/q1\"\n\nvar _ int = q1.Q1 // a type error\n",
		"q1/q1.go":    "package q1\n\nimport \"example.com/app/q2\"\n\nvar Q1 = q2.Q2\n",
		"q2/q2.go":    "package q2\n\nimport \"example.com/app/q3\"\n\nvar Q2 = q3.Q3\n",
		"q3/q3.go":    "package q3\n\nvar Q3 = \"slow to reach\"\n",
		"r/r.go":      "package r\n\nimport \"example.com/app/p\"\n\nfunc R() { p.P() }\n",
	})
	t.Setenv("RESPLINT_CACHE", "off")

	// q3's analysis waits for p's first one, so that p is analysed for r's
	// sake before its test variant can be type-checked whatever the
	// machine's load: two packages at a time, one of them q3, leave a
	// place for d, then p.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	var mu sync.Mutex
	pkgs := make(map[*types.Package]bool) // of example.com/app/p, as analysed
	pDone := make(chan struct{})
	funcs := &analysis.Analyzer{
		Name:      "funcs",
		Doc:       "reports every function, and exports a fact for it; reports the calls of functions with a fact",
		FactTypes: []analysis.Fact{new(probeFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			switch pass.Pkg.Path() {
			case "example.com/app/p":
				mu.Lock()
				if len(pkgs) == 0 {
					close(pDone)
				}
				pkgs[pass.Pkg] = true
				mu.Unlock()
			case "example.com/app/q3":
				select {
				case <-pDone:
				case <-time.After(time.Minute):
					t.Error("p was not analysed while q3 waited")
				}
			}
			probeFuncs(pass, func(fd *ast.FuncDecl) *probeFact {
				pass.Reportf(fd.Pos(), "func %s", fd.Name.Name)
				return &probeFact{}
			})
			return nil, nil
		},
	}
	Prepare([]*analysis.Analyzer{funcs})
	res, err := Analyze([]*analysis.Analyzer{funcs}, []string{"./..."}, Config{Tests: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Broken) != 1 || res.Broken[0].PkgPath != "example.com/app/p" {
		t.Errorf("broken: %+v, want example.com/app/p", res.Broken)
	}
	var got []string
	for _, d := range res.Diagnostics() {
		got = append(got, d.Message)
	}
	// The second analysis of p, after its test variant and the packages
	// analysed for r's sake are done, still has the fact of d.
	if want := []string{"func D", "func P", "calls D", "func R", "calls P"}; !slices.Equal(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	// p was analysed for r's sake before its test variant was type-checked
	// (that waits for q1, q2 and q3), then type-checked again as a root.
	if len(pkgs) != 2 {
		t.Errorf("p was analysed with %d sets of types, want 2 (for r, then as a root)", len(pkgs))
	}
}

// writeModule writes files (by slash-separated name) to a new temporary
// directory and makes it the current one.
func writeModule(t *testing.T, files map[string]string) {
	t.Helper()
	mod := t.TempDir()
	for name, content := range files {
		name = filepath.Join(mod, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(name), 0o777)
		if err := os.WriteFile(name, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(mod)
}

// With MessagesOnly, diagnostics keep their position, category and
// message, and lose their fixes and related information.
func TestMessagesOnly(t *testing.T) {
	writeModule(t, map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.22\n",
		"a/a.go": "package a\n\nfunc A() {}\n",
	})
	t.Setenv("RESPLINT_CACHE", "off")
	funcs := &analysis.Analyzer{
		Name: "funcs",
		Doc:  "reports every function, with a fix and related information",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					fd := d.(*ast.FuncDecl)
					pass.Report(analysis.Diagnostic{
						Pos: fd.Pos(), End: fd.End(), Category: "c", Message: "func " + fd.Name.Name,
						SuggestedFixes: []analysis.SuggestedFix{{Message: "rename", TextEdits: []analysis.TextEdit{{Pos: fd.Name.Pos(), End: fd.Name.End(), NewText: []byte("B")}}}},
						Related:        []analysis.RelatedInformation{{Pos: fd.Name.Pos(), Message: "here"}},
					})
				}
			}
			return nil, nil
		},
	}
	Prepare([]*analysis.Analyzer{funcs})
	for _, only := range []bool{false, true} {
		res, err := Analyze([]*analysis.Analyzer{funcs}, []string{"./..."}, Config{MessagesOnly: only})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range res.Diagnostics() {
			got = append(got, diagLine(d.Fset, d.Analyzer, d.Diagnostic))
		}
		want := []string{`a/a.go:3:1: funcs/c: func A [related a/a.go:3 here] [fix "rename", 1 edits]`}
		if only {
			want = []string{`a/a.go:3:1: funcs/c: func A`}
		}
		if !slices.Equal(got, want) {
			t.Errorf("MessagesOnly %v: diagnostics %q, want %q", only, got, want)
		}
	}
}
