package driver

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/internal/sarif"
)

func TestUTF16Len(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"é", 1},      // two bytes, one unit
		{"€", 1},      // three bytes, one unit
		{"🍪", 2},      // four bytes, a surrogate pair
		{"a\xffb", 3}, // an invalid byte counts as one
		{"\t🍪é x", 6}, // tab, pair, é, space, x
	} {
		if got := utf16Len([]byte(tc.s)); got != tc.want {
			t.Errorf("utf16Len(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

// writeFile writes content to a new file and returns its name and a file
// set holding it.
func writeFile(t *testing.T, dir, name, content string) (string, *token.FileSet, *token.File) {
	t.Helper()
	filename := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(filename), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filename, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f := fset.AddFile(filename, -1, len(content))
	f.SetLinesForContent([]byte(content))
	return filename, fset, f
}

func TestLocator(t *testing.T) {
	root := t.TempDir()
	content := "package p\n\nvar s = \"🍪\" + x\n"
	filename, fset, f := writeFile(t, root, "sub dir/p.go", content)
	l := &locator{root: root, files: make(map[string][]byte)}

	x := bytes.IndexByte([]byte(content), 'x')
	loc := l.physical(fset, f.Pos(x), f.Pos(x+1))
	// "var s = " is 8 units, the quoted emoji 4, " + " 3: x is at 16.
	if want := (sarif.Region{StartLine: 3, StartColumn: 16, EndLine: 3, EndColumn: 17}); *loc.Region != want {
		t.Errorf("region %+v, want %+v", *loc.Region, want)
	}
	if want := (sarif.ArtifactLocation{URI: "sub%20dir/p.go", URIBaseID: sarif.SrcRoot}); loc.ArtifactLocation != want {
		t.Errorf("artifact %+v, want %+v", loc.ArtifactLocation, want)
	}
	// No end: an empty region at the start.
	if loc := l.physical(fset, f.Pos(x), token.NoPos); loc.Region.EndColumn != 16 || loc.Region.EndLine != 3 {
		t.Errorf("region without end %+v", *loc.Region)
	}

	// A file outside the root has an absolute URI.
	outside := &locator{root: filepath.Join(root, "elsewhere"), files: make(map[string][]byte)}
	if got := outside.physical(fset, f.Pos(x), token.NoPos).ArtifactLocation; got.URIBaseID != "" || got.URI != fileURI(filename) {
		t.Errorf("artifact outside the root: %+v", got)
	}

	// Without the file's content, byte columns are the best there is.
	if err := os.Remove(filename); err != nil {
		t.Fatal(err)
	}
	fresh := &locator{root: root, files: make(map[string][]byte)}
	if got := fresh.physical(fset, f.Pos(x), token.NoPos).Region.StartColumn; got != 18 {
		t.Errorf("byte column %d, want 18", got)
	}
}

func TestFindRoot(t *testing.T) {
	dir := t.TempDir()
	mod := filepath.Join(dir, "repo", "mod")
	sub := filepath.Join(mod, "pkg")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := FindRoot(sub); got != mod {
		t.Errorf("without git: root %s, want the module root %s", got, mod)
	}
	if err := os.Mkdir(filepath.Join(dir, "repo", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, want := FindRoot(sub), filepath.Join(dir, "repo"); got != want {
		t.Errorf("with git: root %s, want %s", got, want)
	}
}

// A category that is not documented still gets a rule, described by the
// analyzer's summary; an analyzer without categories has one rule.
func TestRules(t *testing.T) {
	root := t.TempDir()
	_, fset, f := writeFile(t, root, "p.go", "package p\n")
	documented := &analysis.Analyzer{Name: "doc", Doc: "report things\n\nDetails."}
	bare := &analysis.Analyzer{Name: "bare", Doc: "report other things"}
	categories := func(name string) []analyzers.Category {
		if name == "doc" {
			return []analyzers.Category{{Name: "one", Description: "the first thing"}}
		}
		return nil
	}
	diags := []Diagnostic{
		{Diagnostic: analysis.Diagnostic{Pos: f.Pos(0), Category: "two", Message: "m"}, Analyzer: "doc", Fset: fset},
		{Diagnostic: analysis.Diagnostic{Pos: f.Pos(0), Message: "m"}, Analyzer: "bare", Fset: fset},
	}
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, diags, SARIFConfig{Analyzers: []*analysis.Analyzer{documented, bare}, Categories: categories, Root: root}); err != nil {
		t.Fatal(err)
	}
	var log sarif.Log
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID+": "+r.ShortDescription.Text)
	}
	want := []string{"doc/one: The first thing.", "bare: Report other things.", "doc/two: Report things."}
	if len(ids) != len(want) || ids[0] != want[0] || ids[1] != want[1] || ids[2] != want[2] {
		t.Errorf("rules %q, want %q", ids, want)
	}
	if run.Results[0].RuleIndex != 2 || run.Results[1].RuleIndex != 1 {
		t.Errorf("rule indexes %d, %d; want 2, 1", run.Results[0].RuleIndex, run.Results[1].RuleIndex)
	}
}

// The driver carries the version as given, and as semanticVersion when it
// is a full semantic version.
func TestSARIFToolVersion(t *testing.T) {
	for _, tc := range []struct{ version, semantic string }{
		{"v1.4.0", "1.4.0"},
		{"v0.0.0-20260102150405-abcdef123456", "0.0.0-20260102150405-abcdef123456"},
		{"v1.5.0-rc.1+dirty", "1.5.0-rc.1+dirty"},
		{"v1.2", ""}, // a shorthand Go accepts and SemVer does not
		{"(devel)", ""},
		{"(devel) 0123456789abcdef0123456789abcdef01234567+dirty", ""},
		{"", ""},
	} {
		var buf bytes.Buffer
		if err := WriteSARIF(&buf, nil, SARIFConfig{Categories: analyzers.Categories, Version: tc.version}); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Tool struct {
					Driver map[string]any `json:"driver"`
				} `json:"tool"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		d := log.Runs[0].Tool.Driver
		if got, _ := d["version"].(string); got != tc.version {
			t.Errorf("version %q: driver.version = %q", tc.version, got)
		}
		got, ok := d["semanticVersion"].(string)
		if got != tc.semantic || ok != (tc.semantic != "") {
			t.Errorf("version %q: driver.semanticVersion = %q (present: %v), want %q", tc.version, got, ok, tc.semantic)
		}
	}
}
