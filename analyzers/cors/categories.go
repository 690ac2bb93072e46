package cors

import "github.com/resplint/resplint/analyzers/internal/rule"

// The categories of cors's diagnostics.
const (
	catReflect  = "reflect"
	catLoose    = "loose"
	catNull     = "null"
	catWildcard = "wildcard"
	catVary     = "vary"
)

// Categories lists cors's categories, with what each reports, in the
// order of its documentation.
func Categories() []rule.Category {
	return []rule.Category{
		{Name: catReflect, Description: "Request's Origin allowed with credentials without an allow-list check"},
		{Name: catLoose, Description: "Origin allowed with credentials after a check that attacker origins pass"},
		{Name: catNull, Description: `Origin "null" allowed with credentials`},
		{Name: catWildcard, Description: `Access-Control-Allow-Origin "*" with credentials, which browsers refuse`},
		{Name: catVary, Description: "Access-Control-Allow-Origin chosen per request without Vary: Origin"},
	}
}
