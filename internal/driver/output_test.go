package driver

import (
	"bytes"
	"go/token"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
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
			Broken{PkgPath: "example.com/uses", Dep: "example.com/bad"},
			"package example.com/uses: not analysed: dependency example.com/bad has errors",
		},
	} {
		if got := tc.b.Message("/m"); got != tc.want {
			t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
		}
	}
}
