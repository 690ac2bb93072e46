// Package analyzers lists resplint's checks.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/cookiedelete"
	"github.com/resplint/resplint/analyzers/cookieflags"
	"github.com/resplint/resplint/analyzers/cors"
	"github.com/resplint/resplint/analyzers/directives"
	"github.com/resplint/resplint/analyzers/disposition"
	"github.com/resplint/resplint/analyzers/internal/suppress"
	"github.com/resplint/resplint/analyzers/jsonleak"
	"github.com/resplint/resplint/analyzers/lateheader"
	"github.com/resplint/resplint/analyzers/privatecache"
)

// All returns a fresh instance of every resplint analyzer, each with its own
// flag set, so that callers may configure them independently.
//
// The checks drop their diagnostics where a //resplint:ignore directive
// names them, whichever driver runs them; the last analyzer, directives,
// reports malformed directives and unknown names, once per directive.
func All() []*analysis.Analyzer {
	checks := []*analysis.Analyzer{
		cookieflags.New(),
		privatecache.New(),
		jsonleak.New(),
		disposition.New(),
		lateheader.New(),
		cookiedelete.New(),
		cors.New(),
	}
	names := make([]string, len(checks))
	for i, a := range checks {
		suppress.Apply(a)
		names[i] = a.Name
	}
	return append(checks, directives.New(names...))
}
