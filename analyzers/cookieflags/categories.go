package cookieflags

import "github.com/resplint/resplint/analyzers/internal/rule"

// The categories of cookieflags's diagnostics.
const (
	catHttpOnly = "httponly"
	catSecure   = "secure"
	catSameSite = "samesite"
	catPrefix   = "prefix"
)

// Categories lists cookieflags's categories, with what each reports, in the
// order of its documentation.
func Categories() []rule.Category {
	return []rule.Category{
		{Name: catHttpOnly, Description: "Sensitive cookie set without HttpOnly, so page scripts (and XSS) can read it"},
		{Name: catSecure, Description: "Sensitive cookie set without Secure, or SameSite=None without Secure"},
		{Name: catSameSite, Description: "Sensitive cookie set without SameSite, so it is sent with cross-site requests"},
		{Name: catPrefix, Description: "__Secure- or __Host- cookie that breaks its prefix rules and that browsers drop"},
	}
}
