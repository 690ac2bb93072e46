package unit

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// checkFixes puts the edits of each fix in order of position (insertions
// at one point in the order given), gives every edit an end, and returns
// an error, the sign of a bug in the analyzer, for a fix that is not well
// formed, as checker does when a diagnostic is reported: two fixes with
// one message, an edit outside its file, or edits that overlap.
func checkFixes(fset *token.FileSet, fixes []analysis.SuggestedFix) error {
	messages := make(map[string]bool)
	for i := range fixes {
		fix := &fixes[i]
		if messages[fix.Message] {
			return fmt.Errorf("two fixes with the message %q", fix.Message)
		}
		messages[fix.Message] = true
		if err := checkEdits(fset, fix.TextEdits); err != nil {
			return fmt.Errorf("fix %q: %v", fix.Message, err)
		}
	}
	return nil
}

func checkEdits(fset *token.FileSet, edits []analysis.TextEdit) error {
	slices.SortStableFunc(edits, func(x, y analysis.TextEdit) int {
		return cmp.Or(cmp.Compare(x.Pos, y.Pos), cmp.Compare(x.End, y.End))
	})
	var prev *analysis.TextEdit
	for i := range edits {
		e := &edits[i]
		f := fset.File(e.Pos)
		if f == nil {
			return fmt.Errorf("edit %d starts outside any file", i)
		}
		eof := token.Pos(f.Base() + f.Size())
		switch {
		case !e.End.IsValid():
			e.End = e.Pos
		case e.End < e.Pos:
			return fmt.Errorf("edit %d ends before it starts", i)
		case fset.File(e.End) != f && e.End < eof+10:
			// The End of some syntax (a struct type's, say) is computed,
			// not a token's, and may lie just past the end of the file.
			e.End = eof
		case fset.File(e.End) != f:
			return fmt.Errorf("edit %d spans files", i)
		}
		if prev != nil && e.Pos < prev.End {
			return fmt.Errorf("edits %d and %d overlap", i-1, i)
		}
		prev = e
	}
	return nil
}
