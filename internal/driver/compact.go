package driver

import (
	"go/types"

	"golang.org/x/tools/go/packages"
)

// compact replaces the types of p, a dependency type-checked from source
// and analysed for its facts (a framework, when the fact cache does not
// hold them), by those of its export data in the build cache, which its
// importers then get, as go vet's importers get a package's types from
// the compiler. The types the type checker makes hold the scope of every
// function and block of the source, with every local variable, which no
// importer can see; export data holds what importers can see.
//
// The packages asked for are not compacted: their export data, which
// the types read from it keep whole (object names point into it), with
// the bodies of inlinable functions, took more memory than their types
// checked from source (see docs/performance.md).
//
// p's analyses move to the new types (unit.Outcome.Rebind). p stays as it
// is if the build cache has no export data up to date for it, or if it
// cannot be read.
func (s *stream) compact(p *packages.Package) {
	file := s.ld.compiled[p]
	if file == "" {
		return
	}
	pkg, err := s.l.readCompiled(p.PkgPath, file, sourceDeps(p, s.ld.fromSource))
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.state[p].outcomes {
		o.Rebind(pkg)
	}
	if out := s.outcomes[p.Types]; out != nil {
		delete(s.outcomes, p.Types)
		s.outcomes[pkg] = out
	}
	if cp, ok := cachedPackages.LoadAndDelete(p.Types); ok {
		cachedPackages.Store(pkg, cp)
	}
	p.Types = pkg
}

// readCompiled reads the types of the package path, type-checked from
// source, from its export data file, into the view: no package read
// from export data so far refers to it, as each importer of a package
// read from source is read from source too.
//
// The export data refers to the packages path imports, directly or not;
// deps are the types of those read from source, which its importers
// already hold. They go into the view first, so that the types read
// refer to them and not to copies of their own: a dependency analysed
// from source may import a package asked for (a module that requires
// the main module, which requires it back), and packages asked for are
// not compacted, so the view has no types of them.
func (l *loader) readCompiled(path, file string, deps []*types.Package) (*types.Package, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, dep := range deps {
		l.view[dep.Path()] = dep
	}
	return l.readExport(path, file)
}

// sourceDeps returns the types of the packages p imports, directly or
// not, that are type-checked from source. No package read from export
// data imports one, so the walk stops at those.
func sourceDeps(p *packages.Package, fromSource map[*packages.Package]bool) []*types.Package {
	var deps []*types.Package
	seen := make(map[*packages.Package]bool)
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		for _, q := range p.Imports {
			if !seen[q] && fromSource[q] {
				seen[q] = true
				if q.Types != nil {
					deps = append(deps, q.Types)
				}
				visit(q)
			}
		}
	}
	visit(p)
	return deps
}

// forget drops the types of the package path from the view, if they are
// pkg: those of a package read from source whose importers are all done.
func (l *loader) forget(path string, pkg *types.Package) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.view[path] == pkg {
		delete(l.view, path)
	}
}

// drop drops the types of p, a package read from export data (or whose
// types others' export data began), from the view and from p.
func (l *loader) drop(p *packages.Package) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.view, p.PkgPath)
	p.Types = nil
}
