package driver

import (
	"crypto/sha256"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/internal/pkgload"
	"github.com/resplint/resplint/internal/srcmap"
	"github.com/resplint/resplint/internal/unit"
)

// analyse type-checks and analyses the packages ld holds, each as soon as
// its imports are done, and drops each package's syntax and type
// information once it is analysed, as go vet does by running one process
// per package: only types, facts and diagnostics outlive a package's
// analysis, so memory holds the syntax of the few packages under way, not
// that of the whole program.
//
// A package asked for is analysed with every analyzer (as a root) if it is
// the one of its path to analyse (see candidates); a dependency is
// analysed with the analyzers that use facts if a root imports it,
// directly or through other packages analysed, as checker would.
func analyse(plan *unit.Plan, ld *loaded, messagesOnly bool) *Result {
	return newStream(plan, ld, messagesOnly).run()
}

// newStream returns the state of analyse for the packages ld holds.
func newStream(plan *unit.Plan, ld *loaded, messagesOnly bool) *stream {
	s := &stream{
		plan:         plan,
		messagesOnly: messagesOnly,
		ld:           ld,
		l:            &loader{fset: token.NewFileSet(), view: make(map[string]*types.Package), sums: make(map[string][sha256.Size]byte)},
		needed:       make(map[*packages.Package]bool),
		paths:        make(map[*packages.Package]*pathState),
		state:        make(map[*packages.Package]*pkgState),
		users:        make(map[*packages.Package]int),
		settled:      make(map[*packages.Package]bool),
		outcomes:     make(map[*types.Package]*unit.Outcome),
		res:          &Result{plan: plan, generated: make(map[string]bool)},
	}
	s.res.fset = s.l.fset
	s.res.sums = s.l.sums
	s.res.srcs = srcmap.New(s.l.fset, s.res.readSource)
	return s
}

// run type-checks and analyses the packages of s (see analyse).
func (s *stream) run() *Result {
	ld, plan := s.ld, s.plan
	paths, byPath := candidates(ld.roots)
	for _, path := range paths {
		st := &pathState{variants: byPath[path], typed: make(map[*packages.Package]bool)}
		for _, p := range st.variants {
			s.paths[p] = st
		}
	}
	if plan.UsesFacts() {
		// A package whose cached facts are none is not analysed, nor
		// its types read for that: its importers would find no facts
		// of it either way. Those it imports may have some.
		seen := make(map[*packages.Package]bool)
		var visit func(p *packages.Package)
		visit = func(p *packages.Package) {
			for _, q := range p.Imports {
				if !seen[q] && (ld.analysed[q] || ld.cached[q].isHit()) {
					seen[q] = true
					s.needed[q] = !ld.cached[q].noFacts()
					visit(q)
				}
			}
		}
		for p := range s.paths {
			visit(p)
		}
	}

	var work []*packages.Package
	for _, p := range ld.all {
		if ld.fromSource[p] || s.needed[p] {
			work = append(work, p)
			s.state[p] = new(pkgState)
		}
	}
	for _, p := range work {
		for _, q := range p.Imports {
			if st := s.state[q]; st != nil {
				st.importers++
			}
		}
	}
	s.countUsers()
	imports := func(p *packages.Package) []*packages.Package {
		list := make([]*packages.Package, 0, len(p.Imports))
		for _, q := range p.Imports {
			list = append(list, q)
		}
		return list
	}
	pkgload.InOrder(work, imports, s.process)
	for p := range ld.cached {
		if p.Types != nil {
			cachedPackages.Delete(p.Types)
		}
	}

	s.res.recordBroken(paths, byPath)
	return s.res
}

// A stream is the state of analyse.
type stream struct {
	plan         *unit.Plan
	ld           *loaded
	l            *loader
	needed       map[*packages.Package]bool       // dependencies to analyse for their facts
	messagesOnly bool                             // see Config.MessagesOnly
	paths        map[*packages.Package]*pathState // the packages asked for, and the state of their path

	alone sync.RWMutex // held for writing by a package processed alone (see exclusive)

	mu       sync.Mutex                      // guards the fields below and those of every pathState
	state    map[*packages.Package]*pkgState // of the packages to type-check or analyse
	users    map[*packages.Package]int       // of every package: its importers not yet finished (see finish)
	settled  map[*packages.Package]bool      // the packages to type-check or analyse that are done for good
	outcomes map[*types.Package]*unit.Outcome
	res      *Result
}

// A pkgState tells when the facts of a package are no longer needed: once
// it is done, and so is every package that imports it, directly or not.
type pkgState struct {
	done      bool
	importers int             // importers not yet done, or whose importers are not
	outcomes  []*unit.Outcome // its analyses
}

// A pathState tells which of the packages of a path is to be analysed as
// a root: the first, in order of preference, that type-checks.
type pathState struct {
	variants []*packages.Package // in order of preference
	typed    map[*packages.Package]bool

	// early holds the variants done before the root could be told.
	early []*packages.Package
}

// root returns the variant to analyse as a root, once it can be told.
func (st *pathState) root() (*packages.Package, bool) {
	return firstTyped(st.variants, func(p *packages.Package) bool { return st.typed[p] })
}

// process gives p its types, then analyses it, if it is to be analysed.
//
// A package asked for is analysed as a root if it is the variant of its
// path to analyse. When a variant preferred to it (its test variant) is
// not type-checked yet, it almost always will be, and p is then not the
// one: p is analysed for its facts, if that is needed, and released like
// a dependency. Should the other fail to type-check, p is checked again
// (see recheck).
func (s *stream) process(p *packages.Package) {
	if s.ld.fromSource[p] {
		// A large package runs alone, the others alongside each other.
		if exclusive(p) {
			s.alone.Lock()
			defer s.alone.Unlock()
		} else {
			s.alone.RLock()
			defer s.alone.RUnlock()
		}
		s.l.checkSource(p, s.ld.fromSource, s.ld.analysed[p], s.paths[p] == nil)
	} else {
		s.l.exported(p) // an error makes p ill-typed
	}
	if cp := s.ld.cached[p]; cp != nil && p.Types != nil {
		cachedPackages.Store(p.Types, cp)
	}

	st := s.paths[p]
	if st == nil {
		if s.needed[p] {
			s.analyse(p, false)
		}
		s.release(p)
		s.settle(p)
		return
	}
	s.mu.Lock()
	st.typed[p] = true
	root, decided := st.root()
	s.mu.Unlock()
	switch {
	case p == root:
		s.analyse(p, true)
	case s.needed[p]:
		s.analyse(p, false) // its importers need its facts
	}
	s.release(p)

	// Settle the variants done before the root could be told, once it
	// can: this is the last variant to be type-checked, or p was one.
	s.mu.Lock()
	if !decided {
		st.early = append(st.early, p)
	}
	root, decidedNow := st.root()
	var early []*packages.Package
	if decidedNow {
		early, st.early = st.early, nil
	}
	s.mu.Unlock()
	if slices.Contains(early, root) {
		s.recheck(root)
	}
	// The types of p's imports are not released before a recheck of p
	// is ruled out.
	if decided {
		s.settle(p)
	}
	for _, q := range early {
		s.settle(q)
	}
}

// recheck analyses p as a root after all: it was done, and its syntax
// dropped, before it turned out that the variant preferred to it does not
// type-check. It is parsed and type-checked again as a copy, with types
// of its own: p's importers hold p's. Nothing imports the copy, so its
// facts are dropped at once.
func (s *stream) recheck(p *packages.Package) {
	c := *p
	c.Syntax, c.Types, c.TypesInfo, c.TypeErrors, c.Errors = nil, nil, nil, nil, nil
	s.l.checkSource(&c, s.ld.fromSource, true, false)
	if out := s.analyse(&c, true); out != nil {
		out.DropFacts()
	}
	c.Syntax, c.TypesInfo, c.TypeErrors = nil, nil, nil
}

// analyse runs the analyzers on p: all of them if asRoot, else those that
// use facts. A dependency that does not type-check is not analysed; no
// root imports it.
func (s *stream) analyse(p *packages.Package, asRoot bool) *unit.Outcome {
	if p.IllTyped && !asRoot {
		return nil
	}
	in := &unit.Input{
		ID:           p.ID,
		Fset:         s.l.fset,
		Files:        p.Syntax,
		Types:        p.Types,
		Info:         p.TypesInfo,
		TypeErrors:   p.TypeErrors,
		Sizes:        p.TypesSizes,
		Module:       p.Module,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		IllTyped:     p.IllTyped,
		Deps:         &pkgDeps{s: s, p: p},
	}
	out := unit.Analyse(s.plan, in, asRoot)
	if s.messagesOnly {
		for _, diags := range out.Diagnostics {
			for i := range diags {
				diags[i].SuggestedFixes, diags[i].Related = nil, nil
			}
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.outcomes[p.Types] = out
	if st := s.state[p]; st != nil { // not for a copy (see recheck)
		st.outcomes = append(st.outcomes, out)
	}
	s.res.analyses = append(s.res.analyses, pkgAnalysis{p, out})
	s.res.Analysed++
	if asRoot {
		s.res.srcs.AddPackage(p.GoFiles, p.CompiledGoFiles)
		for _, f := range p.Syntax {
			if ast.IsGenerated(f) {
				s.res.generated[s.l.fset.File(f.FileStart).Name()] = true
			}
		}
	}
	return out
}

// outcome returns the analysis of the package with types pkg, or nil.
func (s *stream) outcome(pkg *types.Package) *unit.Outcome {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.outcomes[pkg]
}

// release drops what only p's own analysis needs, once it is done: its
// syntax and type information. Its types stay, for its importers (read
// from export data instead, for a dependency analysed from source: see
// compact); so do its facts, until no package left can import them.
func (s *stream) release(p *packages.Package) {
	p.Syntax, p.TypesInfo, p.TypeErrors = nil, nil, nil
	st := s.state[p]
	s.mu.Lock()
	importers := st.importers // none of them has started
	s.mu.Unlock()
	if importers > 0 && !p.IllTyped {
		s.compact(p)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st.done = true
	if st.importers == 0 {
		s.dropFacts(p)
	}
}

// dropFacts forgets the facts of p, which no package left to analyse
// imports, and then those of its imports that are left in the same state.
//
// The types of a package type-checked from source go too, and so do
// those its export data gave it (see compact): no package left imports
// them, and no package read from export data refers to them, as every
// importer of a package read from source is read from source too (an
// importer compacted may refer to them: see readCompiled; but it is
// done too).
func (s *stream) dropFacts(p *packages.Package) {
	for _, o := range s.state[p].outcomes {
		o.DropFacts()
		o.Types = nil
	}
	if s.ld.fromSource[p] && p.Types != nil {
		delete(s.outcomes, p.Types)
		cachedPackages.Delete(p.Types)
		s.l.forget(p.PkgPath, p.Types)
		p.Types = nil
	}
	for _, q := range p.Imports {
		if st := s.state[q]; st != nil {
			st.importers--
			if st.importers == 0 && st.done {
				s.dropFacts(q)
			}
		}
	}
}

// countUsers counts the importers of each package, for finish.
func (s *stream) countUsers() {
	for _, p := range s.ld.all {
		for _, q := range p.Imports {
			s.users[q]++
		}
	}
}

// settle records that p, a package of the stream, is done for good: it
// is analysed, and will not be checked again (see recheck).
func (s *stream) settle(p *packages.Package) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settled[p] = true
	if s.users[p] == 0 {
		s.finish(p)
	}
}

// finish releases the types of p, which is done for good, and so is
// every package that imports it, directly or not; then it does the same
// for those of p's imports that are left in that state. s.mu must be
// held.
//
// The types of a package read from export data go from the view (those
// of a package type-checked from source go with its facts: see
// dropFacts), and so do those that reading others' export data gave it.
// No package left can see them: export data refers only to packages its
// package imports, directly or not, so any package left that reads
// export data referring to p would import p, directly or not, and p
// would not be finished. Even one package left that does keeps every
// package it imports, directly or not, in the view, for the types it
// reads must be those its imports' types refer to.
func (s *stream) finish(p *packages.Package) {
	if !s.ld.fromSource[p] && p.PkgPath != "unsafe" {
		if p.Types != nil {
			delete(s.outcomes, p.Types)
			cachedPackages.Delete(p.Types)
		}
		s.l.drop(p)
	}
	for _, q := range p.Imports {
		s.users[q]--
		if s.users[q] == 0 && (s.state[q] == nil || s.settled[q]) {
			s.finish(q)
		}
	}
}

// pkgDeps is p's view of the analyses of its dependencies.
type pkgDeps struct {
	s   *stream
	p   *packages.Package
	all []*unit.Outcome
}

func (d *pkgDeps) Analysis(pkg *types.Package) *unit.Outcome { return d.s.outcome(pkg) }

func (d *pkgDeps) Direct(pkg *types.Package) bool {
	q := d.p.Imports[pkg.Path()]
	return q != nil && q.Types == pkg
}

func (d *pkgDeps) Imports() []*unit.Outcome {
	var list []*unit.Outcome
	for _, q := range d.p.Imports {
		if o := d.s.outcome(q.Types); o != nil {
			list = append(list, o)
		}
	}
	return list
}

func (d *pkgDeps) All() []*unit.Outcome {
	if d.all == nil {
		seen := make(map[*packages.Package]bool)
		var visit func(p *packages.Package)
		visit = func(p *packages.Package) {
			for _, q := range p.Imports {
				// Only the packages of the stream were analysed, and
				// have their types set before p was started.
				if !seen[q] && d.s.state[q] != nil {
					seen[q] = true
					if o := d.s.outcome(q.Types); o != nil {
						d.all = append(d.all, o)
					}
					visit(q)
				}
			}
		}
		visit(d.p)
		d.all = slices.Clip(d.all)
	}
	return d.all
}
