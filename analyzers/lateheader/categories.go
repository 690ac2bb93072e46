package lateheader

import "github.com/resplint/resplint/analyzers/internal/rule"

// The categories of lateheader's diagnostics.
const (
	catHeader = "header"
	catCookie = "cookie"
	catStatus = "status"
	catReturn = "return"
)

// Categories lists lateheader's categories, with what each reports, in the
// order of its documentation.
func Categories() []rule.Category {
	return []rule.Category{
		{Name: catHeader, Description: "Header set after the body is written, which net/http, gin and echo drop"},
		{Name: catCookie, Description: "Cookie set after the body is written, which is dropped"},
		{Name: catStatus, Description: "Status written after the body or a second time (superfluous WriteHeader)"},
		{Name: catReturn, Description: "Response written after http.Error, a redirect or a finished response without a return"},
	}
}
