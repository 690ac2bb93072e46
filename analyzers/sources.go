package analyzers

import (
	"slices"

	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// Sources returns a predicate for a driver that loads packages with
// go/packages: it reports whether resplint's analyzers must see the syntax
// and types of a dependency of the checked packages, for the facts they
// keep about it. The types of every other dependency, the standard library
// included, may come from the compiler's export data, which costs a
// fraction of type-checking them.
//
// The predicate remembers what it learnt of the import graph; use one per
// load.
func Sources() func(*packages.Package) bool {
	memo := make(map[*packages.Package]bool) // the model always asks for the same paths
	var reaches func(p *packages.Package, paths []string) bool
	reaches = func(p *packages.Package, paths []string) bool {
		if v, ok := memo[p]; ok {
			return v
		}
		memo[p] = false // an import cycle is a load error; do not loop on it
		v := slices.Contains(paths, p.PkgPath)
		for _, q := range p.Imports {
			if v {
				break
			}
			v = reaches(q, paths)
		}
		memo[p] = v
		return v
	}
	return func(p *packages.Package) bool {
		versioned := p.Module != nil && p.Module.Version != ""
		return respmodel.NeedsDependency(p.PkgPath, p.Module != nil, versioned, func(paths ...string) bool {
			return reaches(p, paths)
		})
	}
}
