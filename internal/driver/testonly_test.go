package driver

import (
	"go/ast"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// Without test files, packages that only tests use are not analysed:
// a fixture imported only by another package's tests, a package named
// for tests; what ordinary code imports, and commands, still are.
func TestTestOnlyPackages(t *testing.T) {
	writeModule(t, map[string]string{
		"go.mod":                   "module example.com/app\n\ngo 1.22\n",
		"app/app.go":               "package app\n\nimport _ \"example.com/app/lib\"\n\nfunc App() {}\n",
		"app/app_test.go":          "package app\n\nimport _ \"example.com/app/fixture\"\n",
		"fixture/fixture.go":       "package fixture\n\nfunc Fixture() {}\n",
		"lib/lib.go":               "package lib\n\nfunc Lib() {}\n",
		"internal/mocks/mocks.go":  "package mocks\n\nfunc Mock() {}\n",
		"latest/latest.go":         "package latest\n\nfunc Latest() {}\n",
		"servertest/servertest.go": "package servertest\n\nimport _ \"net/http/httptest\"\n\nfunc Server() {}\n",
		"cmd/tool/main.go":         "package main\n\nfunc main() {}\n",
	})
	t.Setenv("RESPLINT_CACHE", "off")
	funcs := &analysis.Analyzer{
		Name: "funcs",
		Doc:  "reports every function",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok {
						pass.Reportf(fd.Pos(), "func %s", fd.Name.Name)
					}
				}
			}
			return nil, nil
		},
	}
	Prepare([]*analysis.Analyzer{funcs})
	for _, tests := range []bool{true, false} {
		res, err := Analyze([]*analysis.Analyzer{funcs}, []string{"./..."}, Config{Tests: tests})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range res.Diagnostics() {
			got = append(got, d.Message)
		}
		slices.Sort(got)
		got = slices.Compact(got)
		want := []string{"func App", "func Latest", "func Lib", "func main"}
		if tests {
			want = []string{"func App", "func Fixture", "func Latest", "func Lib", "func Mock", "func Server", "func main"}
		}
		if !slices.Equal(got, want) {
			t.Errorf("Tests %v: reports %q, want %q", tests, got, want)
		}
	}
}
