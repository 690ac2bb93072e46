package respmodel

import "go/types"

// reachesResponse reports whether pkg can act on an HTTP response: it is,
// or imports directly or indirectly, net/http or fasthttp, which every
// modelled framework builds on. The standard library's packages below
// net/http, and the many dependencies that never see a request, need no
// summary; skipping them is most of the model's cost on a module's
// dependencies.
func reachesResponse(pkg *types.Package) bool {
	seen := make(map[*types.Package]bool)
	var walk func(p *types.Package) bool
	walk = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		switch p.Path() {
		case pathNetHTTP, pathFasthttp:
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
