package analyzers

import (
	"github.com/resplint/resplint/analyzers/cookiedelete"
	"github.com/resplint/resplint/analyzers/cookieflags"
	"github.com/resplint/resplint/analyzers/cors"
	"github.com/resplint/resplint/analyzers/directives"
	"github.com/resplint/resplint/analyzers/disposition"
	"github.com/resplint/resplint/analyzers/internal/rule"
	"github.com/resplint/resplint/analyzers/jsonleak"
	"github.com/resplint/resplint/analyzers/lateheader"
	"github.com/resplint/resplint/analyzers/privatecache"
)

// A Category is one kind of finding of an analyzer: a value of the
// Category field of its diagnostics. Drivers that describe their rules,
// such as resplint -sarif, make a rule of each, named ANALYZER/CATEGORY.
type Category = rule.Category

// Categories returns the categories of the named analyzer, which each
// declares in its categories.go. An analyzer may list none; its
// diagnostics then form one rule, and a category that is not listed
// becomes a rule described by the analyzer's summary.
//
// When you add an analyzer, add its Categories here.
func Categories(analyzer string) []Category {
	switch analyzer {
	case "cookiedelete":
		return cookiedelete.Categories()
	case "cookieflags":
		return cookieflags.Categories()
	case "disposition":
		return disposition.Categories()
	case "jsonleak":
		return jsonleak.Categories()
	case "lateheader":
		return lateheader.Categories()
	case "privatecache":
		return privatecache.Categories()
	case "cors":
		return cors.Categories()
	case "directives":
		return directives.Categories()
	}
	return nil
}
