package respmodel

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// reachesResponse reports whether pkg can act on an HTTP response: it is,
// or imports directly or indirectly, a package every modelled framework
// builds on (httpfw.Bases). The standard library's packages below
// net/http, and the many dependencies that never see a request, need no
// summary; skipping them is most of the model's cost on a module's
// dependencies.
func reachesResponse(pkg *types.Package) bool {
	seen, bases := make(map[*types.Package]bool), httpfw.Bases()
	var walk func(p *types.Package) bool
	walk = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if slices.Contains(bases, p.Path()) {
			return true
		}
		for _, q := range p.Imports() {
			if walk(q) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}

// NeedsDependency reports whether the model must read the source of a
// package that is not checked, only imported by checked packages, for the
// facts it exports about it. path is the package's import path; inModule
// says it belongs to a module (a module's path may have no dot, like the
// standard library's); versioned says that module has a version
// (third-party code); reachesAny
// says whether it is or imports, directly or not, any of the given paths.
//
// The user's own code is summarised for what its functions blank, and
// third-party code that reaches a response for what its functions do to
// one. The standard library is not: what its functions do to a response
// is in httpfw's call table. A driver may read every other dependency's
// types from the compiler's export data.
func NeedsDependency(path string, inModule, versioned bool, reachesAny func(paths ...string) bool) bool {
	switch {
	case !inModule && stdlib(path):
		return false
	case !versioned:
		return true
	}
	return reachesAny(httpfw.Bases()...)
}

// ownCode reports whether the package is the user's code: not in the
// standard library, nor in a module of a given version (a dependency
// read from the module cache).
func ownCode(pass *analysis.Pass) bool {
	return !inStd(pass) && (pass.Module == nil || pass.Module.Version == "")
}

// inStd reports whether the package is in the standard library: one of
// no module whose path has no dot. A module's own path may have none
// (module myapp).
func inStd(pass *analysis.Pass) bool {
	if pass.Module != nil && pass.Module.Path != "" {
		return false
	}
	return stdlib(pass.Pkg.Path())
}
