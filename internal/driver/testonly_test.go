package driver

import (
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
	pkgs := &analysis.Analyzer{
		Name: "pkgs",
		Doc:  "reports each package it analyses",
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Reportf(pass.Files[0].Package, "package %s", pass.Pkg.Name())
			return nil, nil
		},
	}
	Prepare([]*analysis.Analyzer{pkgs})
	for _, tests := range []bool{true, false} {
		res, err := Analyze([]*analysis.Analyzer{pkgs}, []string{"./..."}, Config{Tests: tests})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range res.Diagnostics() {
			got = append(got, d.Message)
		}
		slices.Sort(got)
		got = slices.Compact(got)
		want := []string{"package app", "package latest", "package lib", "package main"}
		if tests {
			want = []string{"package app", "package fixture", "package latest", "package lib", "package main", "package mocks", "package servertest"}
		}
		if !slices.Equal(got, want) {
			t.Errorf("Tests %v: reports %q, want %q", tests, got, want)
		}
	}
}
