package cookiedelete

import "github.com/resplint/resplint/analyzers/internal/rule"

// The categories of cookiedelete's diagnostics.
const (
	catPath       = "path"
	catDomain     = "domain"
	catPrefix     = "prefix"
	catSameSite   = "samesite"
	catMaxAgeZero = "maxagezero"
)

// Categories lists cookiedelete's categories, with what each reports, in
// the order of its documentation.
func Categories() []rule.Category {
	return []rule.Category{
		{Name: catPath, Description: "Cookie deleted with a Path other than the one it is set with, so the browser keeps it"},
		{Name: catDomain, Description: "Cookie deleted with a Domain other than the one it is set with, so the browser keeps it"},
		{Name: catPrefix, Description: "__Secure- or __Host- cookie deleted without Secure, or a __Host- one with a Path other than \"/\" or a Domain: browsers ignore the deletion"},
		{Name: catSameSite, Description: "Cookie deleted with SameSite=None but without Secure: browsers ignore the deletion"},
		{Name: catMaxAgeZero, Description: "Cookie \"deleted\" with MaxAge 0, which sends no Max-Age: the browser keeps it"},
	}
}
