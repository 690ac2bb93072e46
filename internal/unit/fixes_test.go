package unit

import (
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestCheckFixes(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("a.go", -1, 100)
	g := fset.AddFile("b.go", -1, 100)
	pos := func(off int) token.Pos { return f.Pos(off) }
	edit := func(start, end token.Pos) analysis.TextEdit { return analysis.TextEdit{Pos: start, End: end} }

	// Edits are put in order of position, insertions at one point in
	// the order given, and an edit without an end gets one.
	edits := []analysis.TextEdit{edit(pos(50), pos(60)), {Pos: pos(10), NewText: []byte("x")}, {Pos: pos(10), End: pos(10), NewText: []byte("y")}}
	if err := checkFixes(fset, []analysis.SuggestedFix{{Message: "m", TextEdits: edits}}); err != nil {
		t.Fatal(err)
	}
	if edits[0].Pos != pos(10) || string(edits[0].NewText) != "x" || edits[0].End != pos(10) || string(edits[1].NewText) != "y" || edits[2].Pos != pos(50) {
		t.Errorf("edits not in order: %+v", edits)
	}

	// An end computed just past the end of the file is taken as its end.
	near := []analysis.TextEdit{edit(pos(90), token.Pos(f.Base()+f.Size()+1))}
	if err := checkFixes(fset, []analysis.SuggestedFix{{Message: "m", TextEdits: near}}); err != nil || near[0].End != token.Pos(f.Base()+f.Size()) {
		t.Errorf("end past the file: %v, end %d", err, near[0].End)
	}

	for _, c := range []struct {
		name  string
		fixes []analysis.SuggestedFix
		want  string
	}{
		{"overlap", []analysis.SuggestedFix{{Message: "m", TextEdits: []analysis.TextEdit{edit(pos(10), pos(20)), edit(pos(15), pos(25))}}}, "overlap"},
		{"backwards", []analysis.SuggestedFix{{Message: "m", TextEdits: []analysis.TextEdit{edit(pos(20), pos(10))}}}, "ends before it starts"},
		{"no file", []analysis.SuggestedFix{{Message: "m", TextEdits: []analysis.TextEdit{edit(token.NoPos, token.NoPos)}}}, "outside any file"},
		{"two files", []analysis.SuggestedFix{{Message: "m", TextEdits: []analysis.TextEdit{edit(pos(10), g.Pos(50))}}}, "spans files"},
		{"same message", []analysis.SuggestedFix{{Message: "m"}, {Message: "m"}}, "two fixes"},
	} {
		err := checkFixes(fset, c.fixes)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error saying %q", c.name, err, c.want)
		}
	}
}
