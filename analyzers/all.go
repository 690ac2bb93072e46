// Package analyzers lists resplint's checks.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/cookieflags"
	"github.com/resplint/resplint/analyzers/lateheader"
)

// All returns a fresh instance of every resplint analyzer, each with its own
// flag set, so that callers may configure them independently.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		cookieflags.New(),
		lateheader.New(),
	}
}
