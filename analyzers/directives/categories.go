package directives

import "github.com/resplint/resplint/analyzers/internal/rule"

// The categories of directives's diagnostics.
const (
	catReason  = "reason"
	catUnknown = "unknown"
	catSyntax  = "syntax"
)

// Categories lists directives's categories, with what each reports, in the
// order of its documentation.
func Categories() []rule.Category {
	return []rule.Category{
		{Name: catReason, Description: "//resplint:ignore directive without a reason, which suppresses nothing"},
		{Name: catUnknown, Description: "//resplint:ignore directive naming an analyzer that does not exist"},
		{Name: catSyntax, Description: "Comment that looks meant to be a resplint directive but is not one"},
	}
}
