package driver

import (
	"go/ast"
	"go/types"
	"os/exec"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/internal/unit"
)

// A dependency analysed from source reaches its importers as the build
// cache's export data has it, without the scopes of its function bodies,
// and its facts follow: the importer still finds them.
func TestCompact(t *testing.T) {
	writeModule(t, map[string]string{
		"go.mod":           "module example.com/app\n\ngo 1.22\n",
		"app.go":           "package app\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/app/needed\"\n)\n\nfunc handle(w http.ResponseWriter) { needed.WriteJSON(w, 1) }\n",
		"needed/needed.go": "package needed\n\nimport \"net/http\"\n\nfunc WriteJSON(w http.ResponseWriter, v any) {\n\tif n, ok := v.(int); ok {\n\t\tw.WriteHeader(n)\n\t}\n}\n",
	})
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("RESPLINT_CACHE", "off")
	if out, err := exec.Command("go", "build", "./...").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	var bodyScope atomic.Bool
	runs := map[string]*atomic.Int32{"example.com/app/needed": new(atomic.Int32)}
	writers := newWriterAnalyzer(runs)
	probe := &analysis.Analyzer{
		Name: "probe",
		Doc:  "records whether the functions the root calls have the scopes of their bodies",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					if sel, ok := n.(*ast.SelectorExpr); ok {
						if fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func); ok && fn.Scope() != nil {
							bodyScope.Store(true)
						}
					}
					return true
				})
			}
			return nil, nil
		},
	}
	all := []*analysis.Analyzer{writers, probe}
	Prepare(all)
	cfg := Config{Sources: func(p *packages.Package) bool { return p.PkgPath == "example.com/app/needed" }}
	res, err := Analyze(all, []string{"."}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diagnostics() {
		got = append(got, d.Message)
	}
	if want := []string{"calls writer WriteJSON"}; !slices.Equal(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	if n := runs["example.com/app/needed"].Load(); n != 1 {
		t.Errorf("needed was analysed %d times, want once, from source", n)
	}
	if bodyScope.Load() {
		t.Error("the root sees needed.WriteJSON with the scope of its body: its types are those checked from source")
	}
}

// The export-data types a dependency analysed from source got (see
// compact) leave the loader's view once no package left imports it, so
// they are not kept to the end of the run.
func TestCompactForget(t *testing.T) {
	writeModule(t, map[string]string{
		"go.mod":           "module example.com/app\n\ngo 1.22\n",
		"app.go":           "package app\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/app/needed\"\n)\n\nfunc handle(w http.ResponseWriter) { needed.WriteJSON(w, 1) }\n",
		"needed/needed.go": "package needed\n\nimport \"net/http\"\n\nfunc WriteJSON(w http.ResponseWriter, v any) {\n\tif n, ok := v.(int); ok {\n\t\tw.WriteHeader(n)\n\t}\n}\n",
	})
	plan := builtPlan(t)
	const needed = "example.com/app/needed"
	ld, err := load([]string{"."}, Config{}, func(p *packages.Package) bool { return p.PkgPath == needed }, nil, plan.Factful())
	if err != nil {
		t.Fatal(err)
	}
	compacted := false
	for p := range ld.compiled {
		compacted = compacted || p.PkgPath == needed
	}
	if !compacted {
		t.Fatalf("%s has no export data to be compacted with", needed)
	}
	s := newStream(plan, ld, false)
	res := s.run()
	if got := len(res.Diagnostics()); got != 1 {
		t.Errorf("%d diagnostics, want 1", got)
	}
	if _, ok := s.l.view[needed]; ok {
		t.Errorf("the view still holds %s after the run", needed)
	}
	// Nor does it hold the packages read from export data (see
	// TestFinish).
	for path := range s.l.view {
		t.Errorf("the view still holds %s after the run", path)
	}
}

// The types of a package read from export data leave the view, and its
// packages.Package, once every package that imports it, directly or not,
// is done for good; so do those of the packages its export data
// referred to.
func TestFinish(t *testing.T) {
	pkg := func(path string, imports ...*packages.Package) *packages.Package {
		p := &packages.Package{ID: path, PkgPath: path, Imports: make(map[string]*packages.Package)}
		for _, q := range imports {
			p.Imports[q.PkgPath] = q
		}
		return p
	}
	// a and b are type-checked from source and import e, read from
	// export data, which imports f; b also imports g, and a imports b.
	f := pkg("example.com/f")
	e := pkg("example.com/e", f)
	g := pkg("example.com/g")
	b := pkg("example.com/b", e, g)
	a := pkg("example.com/a", b, e)
	ld := &loaded{
		roots:      []*packages.Package{a, b},
		all:        []*packages.Package{a, b, e, f, g},
		fromSource: map[*packages.Package]bool{a: true, b: true},
	}
	s := newStream(nil, ld, false)
	for _, p := range []*packages.Package{a, b} {
		s.state[p] = new(pkgState)
	}
	s.countUsers()
	for _, p := range []*packages.Package{e, f, g} {
		p.Types = types.NewPackage(p.PkgPath, p.ID)
		s.l.view[p.PkgPath] = p.Types
	}
	s.l.view["example.com/h"] = types.NewPackage("example.com/h", "h") // of no package of the run

	inView := func() []string {
		var paths []string
		for path := range s.l.view {
			paths = append(paths, path)
		}
		slices.Sort(paths)
		return paths
	}
	s.settle(b) // a imports b: nothing goes
	if got, want := inView(), []string{"example.com/e", "example.com/f", "example.com/g", "example.com/h"}; !slices.Equal(got, want) {
		t.Errorf("view after b: %q, want %q", got, want)
	}
	s.settle(a)
	if got, want := inView(), []string{"example.com/h"}; !slices.Equal(got, want) {
		t.Errorf("view after a: %q, want %q", got, want)
	}
	for _, p := range []*packages.Package{e, f, g} {
		if p.Types != nil {
			t.Errorf("%s keeps its types", p.PkgPath)
		}
	}
}

// A module may require the main module and import its packages back (a
// module cycle: ccfos/nightingale requires flashcatcloud/ibex, which
// imports nightingale's packages). Its packages that do are read from
// source like every importer of a package asked for, and compacted; the
// types their export data gives them must refer to the types of the
// packages asked for that their importers hold, not to copies, or
// *router.Router is not *router.Router in ibex and alert.
func TestCompactModuleCycle(t *testing.T) {
	writeModule(t, map[string]string{
		"a/go.mod":           "module example.com/a\n\ngo 1.22\n\nrequire example.com/b v0.0.0\n\nreplace example.com/b => ../b\n",
		"a/router/router.go": "package router\n\ntype Router struct{ Name string }\n\nfunc New() *Router { return &Router{Name: \"center\"} }\n",
		"a/alert/alert.go":   "package alert\n\nimport (\n\t\"example.com/a/router\"\n\t\"example.com/b/ibex\"\n)\n\nfunc Start() { ibex.WriteRun(router.New()) }\n",
		"b/go.mod":           "module example.com/b\n\ngo 1.22\n\nrequire example.com/a v0.0.0\n\nreplace example.com/a => ../a\n",
		"b/srv/srv.go":       "package srv\n\nimport \"example.com/a/router\"\n\nfunc WriteConfig(r *router.Router) string { return r.Name }\n",
		"b/ibex/ibex.go":     "package ibex\n\nimport (\n\t\"example.com/a/router\"\n\t\"example.com/b/srv\"\n)\n\nfunc WriteRun(r *router.Router) string { return srv.WriteConfig(r) }\n",
	})
	t.Chdir("a")
	plan := builtPlan(t)
	fromB := func(p *packages.Package) bool { return strings.HasPrefix(p.PkgPath, "example.com/b/") }
	ld, err := load([]string{"./..."}, Config{}, fromB, nil, plan.Factful())
	if err != nil {
		t.Fatal(err)
	}
	var compacted []string
	for p := range ld.compiled {
		compacted = append(compacted, p.PkgPath)
	}
	slices.Sort(compacted)
	if want := []string{"example.com/b/ibex", "example.com/b/srv"}; !slices.Equal(compacted, want) {
		t.Fatalf("packages to compact %q, want %q", compacted, want)
	}
	s := newStream(plan, ld, false)
	res := s.run()
	for _, b := range res.Broken {
		t.Errorf("not analysed: %s (dependency %q): %v", b.PkgPath, b.Dep, b.Errors)
	}
	var analysed []string
	for _, a := range res.analyses {
		analysed = append(analysed, a.pkg.PkgPath)
	}
	slices.Sort(analysed)
	if want := []string{"example.com/a/alert", "example.com/a/router", "example.com/b/ibex", "example.com/b/srv"}; !slices.Equal(analysed, want) {
		t.Errorf("analysed %q, want %q", analysed, want)
	}
	// alert finds the fact of ibex.WriteRun, computed from source, on
	// the types ibex's export data gave it.
	var got []string
	for _, d := range res.Diagnostics() {
		got = append(got, d.Message)
	}
	if want := []string{"calls writer WriteRun"}; !slices.Equal(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	for path := range s.l.view {
		t.Errorf("the view still holds %s after the run", path)
	}
}

// builtPlan builds the module in the current directory, as a CI job's go
// build does, and returns the plan of an analyzer with facts.
func builtPlan(t *testing.T) *unit.Plan {
	t.Helper()
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("RESPLINT_CACHE", "off")
	if out, err := exec.Command("go", "build", "./...").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	all := []*analysis.Analyzer{newWriterAnalyzer(map[string]*atomic.Int32{})}
	Prepare(all)
	plan, err := unit.NewPlan(all)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}
