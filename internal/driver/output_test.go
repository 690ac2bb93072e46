package driver

import (
	"bytes"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/internal/unit"
)

func TestRelPath(t *testing.T) {
	if filepath.Separator != '/' {
		t.Skip("paths in this test are Unix paths")
	}
	dir := "/work/mod"
	for _, tc := range []struct{ file, want string }{
		{"/work/mod/a.go", "a.go"},
		{"/work/mod/sub/a.go", "sub/a.go"},
		{"/work/other/a.go", "/work/other/a.go"},
		{"/work/module/a.go", "/work/module/a.go"},
		{"rel/a.go", "rel/a.go"},
	} {
		if got := RelPath(dir, tc.file); got != tc.want {
			t.Errorf("RelPath(%q, %q) = %q, want %q", dir, tc.file, got, tc.want)
		}
	}
}

func TestWriteText(t *testing.T) {
	if filepath.Separator != '/' {
		t.Skip("paths in this test are Unix paths")
	}
	diags := []Diagnostic{
		{Diagnostic: analysis.Diagnostic{Message: "m1", Category: "secure"}, Analyzer: "cookieflags", Posn: token.Position{Filename: "/m/a.go", Line: 3, Column: 2}},
		{Diagnostic: analysis.Diagnostic{Message: "m2"}, Analyzer: "jsonleak", Posn: token.Position{Filename: "/n/b.go", Line: 4, Column: 1}},
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, diags, "/m"); err != nil {
		t.Fatal(err)
	}
	want := "a.go:3:2: m1 (cookieflags/secure)\n/n/b.go:4:1: m2 (jsonleak)\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestBrokenMessage(t *testing.T) {
	if filepath.Separator != '/' {
		t.Skip("paths in this test are Unix paths")
	}
	typeErr := func(pos, msg string) packages.Error {
		return packages.Error{Pos: pos, Msg: msg, Kind: packages.TypeError}
	}
	for _, tc := range []struct {
		b    Broken
		want string
	}{
		{
			Broken{PkgPath: "example.com/bad", Errors: []packages.Error{typeErr("/m/bad.go:5:9", "undefined: x"), typeErr("/m/bad.go:7:2", "undefined: y")}},
			"package example.com/bad: 2 type errors:\n\tbad.go:5:9: undefined: x\n\tbad.go:7:2: undefined: y",
		},
		{
			Broken{PkgPath: "example.com/bad", Errors: []packages.Error{{Pos: "/m/bad.go:1:1", Msg: "expected 'package'", Kind: packages.ParseError}}},
			"package example.com/bad: 1 error:\n\tbad.go:1:1: expected 'package'",
		},
		{
			Broken{PkgPath: "example.com/bad", ImportedBy: "example.com/uses", Errors: []packages.Error{typeErr("/m/bad/bad.go:5", "undefined: x")}},
			"package example.com/bad (imported by example.com/uses): 1 type error:\n\tbad/bad.go:5: undefined: x",
		},
		{
			Broken{PkgPath: "example.com/p", Variant: "example.com/p [example.com/p.test]", Errors: []packages.Error{typeErr("/m/p_test.go:6:14", "cannot use \"one\"")}},
			"package example.com/p [example.com/p.test]: 1 type error:\n\tp_test.go:6:14: cannot use \"one\"",
		},
		{
			Broken{PkgPath: "example.com/uses", Dep: "example.com/bad"},
			"package example.com/uses: not analysed: dependency example.com/bad has errors",
		},
	} {
		if got := tc.b.Message("/m"); got != tc.want {
			t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
		}
	}
}

// Diagnostics sorts by file, offset and analyzer, keeping the order of
// report among equals, and drops a diagnostic reported again by another
// package that analyses the same file (parsed again: other token.Pos).
func TestDiagnosticsSortedUnique(t *testing.T) {
	fset := token.NewFileSet()
	src := 100
	f1 := fset.AddFile("/m/a.go", -1, src) // the file, in package p
	f2 := fset.AddFile("/m/a.go", -1, src) // and again, in p's test variant
	g := fset.AddFile("/m/b.go", -1, src)
	run := func(*analysis.Pass) (any, error) { return nil, nil }
	a, b := &analysis.Analyzer{Name: "a", Doc: "a", Run: run}, &analysis.Analyzer{Name: "b", Doc: "b", Run: run}
	plan, err := unit.NewPlan([]*analysis.Analyzer{a, b})
	if err != nil {
		t.Fatal(err)
	}
	diag := func(f *token.File, off, end int, cat, msg string) analysis.Diagnostic {
		return analysis.Diagnostic{Pos: f.Pos(off), End: f.Pos(end), Category: cat, Message: msg}
	}
	root := func(id string, diags map[*analysis.Analyzer][]analysis.Diagnostic) pkgAnalysis {
		return pkgAnalysis{&packages.Package{ID: id}, &unit.Outcome{ID: id, AsRoot: true, Diagnostics: diags}}
	}
	r := &Result{plan: plan, fset: fset, analyses: []pkgAnalysis{
		root("p", map[*analysis.Analyzer][]analysis.Diagnostic{
			a: {diag(f1, 10, 20, "y", "second at 10"), diag(f1, 10, 20, "x", "third at 10"), diag(f1, 5, 6, "", "at 5")},
			b: {diag(f1, 10, 20, "", "b at 10")},
		}),
		root("p [p.test]", map[*analysis.Analyzer][]analysis.Diagnostic{
			a: {diag(f2, 10, 20, "y", "second at 10"), diag(f2, 10, 30, "y", "second at 10"), diag(f2, 5, 6, "", "at 5")},
		}),
		root("q", map[*analysis.Analyzer][]analysis.Diagnostic{
			a: {diag(g, 1, 2, "", "in b.go")},
		}),
		{&packages.Package{ID: "dep"}, &unit.Outcome{ID: "dep", Diagnostics: map[*analysis.Analyzer][]analysis.Diagnostic{a: {diag(g, 0, 1, "", "not a root")}}}},
	}}
	var got []string
	for _, d := range r.Diagnostics() {
		got = append(got, fmt.Sprintf("%s:%d-%d %s %s: %s", filepath.Base(d.Posn.Filename), d.Posn.Offset, fset.Position(d.End).Offset, d.Analyzer, d.Category, d.Message))
	}
	want := []string{
		"a.go:5-6 a : at 5",
		"a.go:10-20 a y: second at 10",
		"a.go:10-20 a x: third at 10",
		"a.go:10-30 a y: second at 10", // another end: another diagnostic
		"a.go:10-20 b : b at 10",
		"b.go:1-2 a : in b.go",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
