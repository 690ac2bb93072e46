package driver

import (
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/internal/unit"
)

// A PanicError is the error of an analyzer action that panicked.
type PanicError struct {
	Analyzer string
	Package  string
	Value    any    // the value passed to panic
	Site     string // "file:line" of the panic, if known
}

func (e *PanicError) Error() string {
	msg := fmt.Sprintf("internal error: analyzer %s panicked on package %s: %v", e.Analyzer, e.Package, e.Value)
	if e.Site != "" {
		msg += " (at " + e.Site + ")"
	}
	return msg
}

// Prepare readies analyzers, and every analyzer they require, for the
// driver. It changes their Run functions in place, because analyzers look
// up the results of their requirements by analyzer identity
// (pass.ResultOf[inspect.Analyzer]):
//   - a panic becomes a *PanicError, so that one failing analyzer fails
//     only its own actions and the command goes on;
//   - an analyzer that uses facts reads and writes those of third-party
//     packages through the fact cache (see factCache), in runs of Analyze.
//
// Call Prepare once per process, before any analysis.
func Prepare(analyzers []*analysis.Analyzer) {
	for _, a := range unit.Closure(analyzers) {
		a.Run = protected(a.Name, a.Run)
		if len(a.FactTypes) > 0 {
			a.Run = withFactCache(a, a.Run)
		}
	}
}

func protected(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if v := recover(); v != nil {
				pkg := "(unknown)"
				if pass.Pkg != nil {
					pkg = pass.Pkg.Path()
				}
				result, err = nil, &PanicError{Analyzer: name, Package: pkg, Value: v, Site: panicSite()}
			}
		}()
		return run(pass)
	}
}

// panicSite returns the position of the innermost non-runtime frame below
// the panic, when called from a deferred function during a panic.
func panicSite() string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	panicking := false
	for {
		f, more := frames.Next()
		if f.Function == "runtime.gopanic" {
			panicking = true
		} else if panicking && !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s:%d", f.File, f.Line)
		}
		if !more {
			return ""
		}
	}
}
