package jsonleak

import "github.com/resplint/resplint/analyzers/internal/rule"

// The categories of jsonleak's diagnostics.
const (
	catSecret = "secret"
	catToken  = "token"
	catMap    = "map"
)

// Categories lists jsonleak's categories, with what each reports, in the
// order of its documentation.
func Categories() []rule.Category {
	return []rule.Category{
		{Name: catSecret, Description: "JSON response that serialises a secret field (password hash, key, MFA secret, card number)"},
		{Name: catToken, Description: "JSON response that serialises a token or API key of a persistence model"},
		{Name: catMap, Description: "Hand-built JSON map with a secret key or a value read from a secret field"},
	}
}
