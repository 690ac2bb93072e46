package privatecache

import "github.com/resplint/resplint/analyzers/internal/rule"

// The categories of privatecache's diagnostics.
const (
	catMissing    = "missing"
	catPublic     = "public"
	catValidators = "validators" // not in Categories: drivers describe it by the summary
)

// Categories lists privatecache's categories, with what each reports.
func Categories() []rule.Category {
	return []rule.Category{
		{Name: catMissing, Description: "Per-user success response without Cache-Control private or no-store, which shared caches may store"},
		{Name: catPublic, Description: "Per-user response marked Cache-Control public or s-maxage, which shared caches will store"},
	}
}
