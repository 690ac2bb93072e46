package driver

import (
	"cmp"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/internal/srcmap"
)

// The JSON form of diagnostics that go vet -json prints.
type (
	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"` // file:line:column
		End            string        `json:"end"`
		Message        string        `json:"message"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"` // byte offsets, end excluded
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

// jsonDiagnostics returns the JSON form of diags: positions where
// //line directives put them, edits at offsets of the file they change
// (see srcmap.Mapper.Edit). A fix with an edit that cannot be placed is
// left out.
func jsonDiagnostics(srcs *srcmap.Mapper, diags []analysis.Diagnostic) []jsonDiagnostic {
	list := make([]jsonDiagnostic, 0, len(diags))
	for _, d := range diags {
		jd := jsonDiagnostic{
			Category: d.Category,
			Posn:     srcs.Position(d.Pos).String(),
			End:      srcs.Position(cmp.Or(d.End, d.Pos)).String(),
			Message:  d.Message,
		}
	fixes:
		for _, fix := range d.SuggestedFixes {
			jf := jsonFix{Message: fix.Message}
			for _, e := range fix.TextEdits {
				name, start, end, ok := srcs.Edit(e.Pos, e.End)
				if !ok {
					continue fixes
				}
				jf.Edits = append(jf.Edits, jsonEdit{name, start, end, string(e.NewText)})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		for _, r := range d.Related {
			jd.Related = append(jd.Related, jsonRelated{srcs.Position(r.Pos).String(), srcs.Position(cmp.Or(r.End, r.Pos)).String(), r.Message})
		}
		list = append(list, jd)
	}
	return list
}
