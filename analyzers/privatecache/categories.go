package privatecache

import "github.com/resplint/resplint/analyzers/internal/rule"

// The categories of privatecache's diagnostics.
const (
	catMissing    = "missing"
	catPublic     = "public"
	catValidators = "validators"
)

// Categories lists privatecache's categories, with what each reports.
func Categories() []rule.Category {
	return []rule.Category{
		{Name: catMissing, Description: "Per-user success response without Cache-Control private or no-store, which shared caches may store"},
		{Name: catPublic, Description: "Per-user response marked Cache-Control public or s-maxage, which shared caches will store"},
		{Name: catValidators, Description: "Per-user response with Last-Modified or ETag but without Cache-Control private or no-store, which shared caches may store heuristically"},
	}
}
