package cookieflags

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Analyzer is the cookieflags check with default options.
var Analyzer = New()

// New returns a cookieflags analyzer with its own options.
func New() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "cookieflags",
		Doc:      "report cookies set without HttpOnly, Secure or SameSite (placeholder)",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
	return a
}
