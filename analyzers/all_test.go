package analyzers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/analyzers/internal/testmod"
)

func byName(t *testing.T, all []*analysis.Analyzer, name string) *analysis.Analyzer {
	t.Helper()
	i := slices.IndexFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name })
	if i < 0 {
		t.Fatalf("All() has no analyzer %s", name)
	}
	return all[i]
}

// The checks of All drop diagnostics where valid directives name them.
func TestSuppression(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t), byName(t, analyzers.All(), "cookieflags"), "./suppress/cookies")
}

// The directives analyzer reports each problem of each directive once.
func TestDirectives(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t), byName(t, analyzers.All(), "directives"), "./suppress/directives")
}

// Every analyzer has a unique name, documentation and a docs link, and
// the category registry names only analyzers that exist, with unique,
// described categories.
func TestRegistry(t *testing.T) {
	all := analyzers.All()
	if last := all[len(all)-1]; last.Name != "directives" {
		t.Errorf("last analyzer is %s, want directives", last.Name)
	}
	seen := make(map[string]bool)
	for _, a := range all {
		if seen[a.Name] {
			t.Errorf("two analyzers are named %s", a.Name)
		}
		seen[a.Name] = true
		if a.Doc == "" || a.URL == "" {
			t.Errorf("%s has no Doc or URL", a.Name)
		}
		cats := make(map[string]bool)
		for _, c := range analyzers.Categories(a.Name) {
			if c.Name == "" || c.Description == "" || cats[c.Name] {
				t.Errorf("%s: bad or duplicate category %+v", a.Name, c)
			}
			cats[c.Name] = true
		}
	}
	if analyzers.Categories("nosuchanalyzer") != nil {
		t.Error("categories for an analyzer that does not exist")
	}
}

// Code that uses every httpsafe helper as docs/httpsafe.md documents it,
// on every framework, gives no check anything to report. The checks run
// together on one load of the package and its dependencies, as a driver
// runs them (the load TestNogo analyses too).
func TestHttpsafeUsers(t *testing.T) {
	var pkgs []*packages.Package
	for _, p := range loadTestdata(t) {
		if p.ID == "resplint.test/usehttpsafe" {
			pkgs = append(pkgs, p)
		}
	}
	if len(pkgs) != 1 || len(pkgs[0].Syntax) == 0 {
		t.Fatal("./usehttpsafe does not load as one package")
	}
	found, _ := analyze(t, analyzers.All(), pkgs)
	for _, f := range slices.SortedFunc(maps.Keys(found), func(a, b finding) int { return strings.Compare(a.posn, b.posn) }) {
		t.Errorf("%s: %s: %s", f.posn, f.analyzer, f.message)
	}
}

// Every category a check defines in its categories.go, and every literal
// category in its diagnostics, is one it declares: drivers make their
// rules (SARIF's among them) of the declared ones only.
func TestCategoriesDeclared(t *testing.T) {
	for _, a := range analyzers.All() {
		declared := make(map[string]bool)
		for _, c := range analyzers.Categories(a.Name) {
			declared[c.Name] = true
		}
		fset := token.NewFileSet()
		names, err := filepath.Glob(filepath.Join(a.Name, "*.go"))
		if err != nil || len(names) == 0 {
			t.Fatalf("%s: no source files (%v)", a.Name, err)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				var lit *ast.BasicLit
				switch n := n.(type) {
				case *ast.ValueSpec: // const catX = "x" in categories.go
					if filepath.Base(name) == "categories.go" && len(n.Values) == 1 {
						lit, _ = n.Values[0].(*ast.BasicLit)
					}
				case *ast.KeyValueExpr: // Category: "x"
					if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Category" {
						lit, _ = n.Value.(*ast.BasicLit)
					}
				}
				if lit != nil && lit.Kind == token.STRING {
					if s, _ := strconv.Unquote(lit.Value); !declared[s] {
						t.Errorf("%s: category %q at %s is not in its Categories", a.Name, s, fset.Position(lit.Pos()))
					}
				}
				return true
			})
		}
	}
}
