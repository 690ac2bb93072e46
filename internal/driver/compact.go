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
	pkg, err := s.l.readCompiled(p.PkgPath, file)
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
func (l *loader) readCompiled(path, file string) (*types.Package, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.readExport(path, file)
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
