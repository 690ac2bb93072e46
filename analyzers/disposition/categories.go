package disposition

import "github.com/resplint/resplint/analyzers/internal/rule"

// The categories of disposition's diagnostics.
const (
	catMissing   = "missing"
	catUnescaped = "unescaped"
)

// Categories lists disposition's categories, with what each reports, in the
// order of its documentation.
func Categories() []rule.Category {
	return []rule.Category{
		{Name: catMissing, Description: "Download (CSV, spreadsheet, archive, served file) sent without Content-Disposition"},
		{Name: catUnescaped, Description: "Content-Disposition built by concatenation or Sprintf from a file name computed at run time"},
	}
}
