package cache

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/internal/pkgload"
)

// build type-checks the packages of files and their dependencies, chooses
// the package to analyse for each file, and analyses those and, for facts,
// their dependencies. It returns every entry the run used.
func (r *run) build(views []*view, files []string) []*pkgEntry {
	entries := make(map[*packages.Package]*pkgEntry)
	byKey := make(map[string]*pkgEntry) // the same package may be in several views
	var all []*pkgEntry                 // dependencies first
	var entryFor func(m *packages.Package) *pkgEntry
	entryFor = func(m *packages.Package) *pkgEntry {
		if e, ok := entries[m]; ok {
			return e
		}
		deps := make(map[string]*pkgEntry, len(m.Imports))
		for path, dep := range m.Imports {
			deps[path] = entryFor(dep)
		}
		key := r.typeKey(m, deps)
		e := byKey[key]
		if e == nil {
			e = r.c.pkgs[key]
			if e == nil {
				e = &pkgEntry{key: key, meta: m, deps: deps}
			}
			byKey[key] = e
			all = append(all, e)
		}
		entries[m] = e
		return e
	}

	candidates := make(map[string][]*pkgEntry) // file -> packages compiling it, preferred first
	for _, f := range files {
		v := viewOf(views, f)
		if v == nil {
			continue
		}
		for _, m := range preferred(v.byFile[f]) {
			candidates[f] = append(candidates[f], entryFor(m))
		}
	}
	r.res.Stats.Packages = len(all)

	// Only the packages of files, and the dependencies the analyzers need
	// facts of, are analysed; the others need only their types.
	// (The predicate is asked here, before the parallel work: it is not
	// safe for concurrent use.)
	analysable := make(map[*pkgEntry]bool, len(all))
	var source func(*packages.Package) bool
	if r.c.opts.Sources != nil {
		source = r.c.opts.Sources()
	}
	for _, e := range all {
		analysable[e] = source == nil || source(e.meta)
	}
	for _, cands := range candidates {
		for _, e := range cands {
			analysable[e] = true
		}
	}
	var checked atomic.Int32
	r.parallel(all, func(e *pkgEntry) bool { return e.types == nil }, func(e *pkgEntry) {
		r.typeCheck(e, analysable[e])
		checked.Add(1)
	})
	r.res.Stats.TypeChecked = int(checked.Load())
	if r.ctx.Err() != nil {
		return nil
	}

	// Analyse, for each file, its first package that type-checks.
	roots := make(map[*pkgEntry]bool)
	var rootList []*pkgEntry
	brokenSeen := make(map[*pkgEntry]bool)
	for _, f := range files {
		cands := candidates[f]
		i := slices.IndexFunc(cands, func(e *pkgEntry) bool { return !e.illTyped })
		switch {
		case i >= 0:
			if !roots[cands[i]] {
				roots[cands[i]] = true
				rootList = append(rootList, cands[i])
			}
		case len(cands) > 0 && !brokenSeen[cands[0]]:
			brokenSeen[cands[0]] = true
			r.res.Broken = append(r.res.Broken, cands[0].broken())
		}
	}
	var need []*pkgEntry // roots and their dependencies
	inNeed := make(map[*pkgEntry]bool)
	var visit func(e *pkgEntry)
	visit = func(e *pkgEntry) {
		if inNeed[e] {
			return
		}
		inNeed[e] = true
		for _, path := range slices.Sorted(maps.Keys(e.deps)) {
			visit(e.deps[path])
		}
		need = append(need, e)
	}
	for _, e := range rootList {
		visit(e)
	}
	if !r.c.plan.UsesFacts() {
		need = rootList // dependencies need no analysis
	} else {
		need = slices.DeleteFunc(need, func(e *pkgEntry) bool { return !roots[e] && !analysable[e] })
	}
	for _, e := range need {
		if e.slim && !e.analysed(roots[e]) {
			r.slimMiss = true // its syntax is gone: start afresh
			return nil
		}
	}
	var analysed atomic.Int32
	r.parallel(need, func(e *pkgEntry) bool { return !e.analysed(roots[e]) }, func(e *pkgEntry) {
		r.analyse(e, roots[e])
		analysed.Add(1)
	})
	r.res.Stats.Analysed = int(analysed.Load())
	if r.ctx.Err() != nil {
		return nil
	}

	r.collect(rootList)
	for _, e := range all {
		if !roots[e] && (e.analysis != nil || !r.c.plan.UsesFacts()) && r.immutable(e) {
			e.slim, e.files, e.info, e.typeErrors, e.fileKeys = true, nil, nil, nil, nil
		}
	}
	for _, e := range need {
		if !roots[e] && e.analysis != nil {
			for _, f := range r.failures(e) {
				if !f.Prerequisite {
					r.res.Failures = append(r.res.Failures, f)
				}
			}
		}
	}
	return all
}

// immutable reports whether e's files are all in GOROOT or the module or
// build cache. Such a package is never edited, and so is analysed only
// as a dependency: only its types and facts are needed after that.
func (r *run) immutable(e *pkgEntry) bool {
	for _, name := range e.meta.CompiledGoFiles {
		if !r.c.env.Contains(name) {
			return false
		}
	}
	return len(e.meta.CompiledGoFiles) > 0
}

// viewOf returns the view of the module of file f.
func viewOf(views []*view, f string) *view {
	root := moduleRoot(filepath.Dir(f))
	for _, v := range views {
		if v.root == root {
			return v
		}
	}
	return nil
}

// preferred returns the packages of a file that may be analysed, in the
// order the resplint command prefers them: like go vet, the test variant
// "p [p.test]" (p's files and its in-package tests) before p, so that each
// file is analysed once; never the generated test main "p.test".
func preferred(pkgs []*packages.Package) []*packages.Package {
	var out []*packages.Package
	for _, p := range pkgs {
		if !isTestMain(p) {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b *packages.Package) int {
		ta, tb := strings.Contains(a.ID, " ["), strings.Contains(b.ID, " [")
		switch {
		case ta && !tb:
			return -1
		case tb && !ta:
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

func isTestMain(p *packages.Package) bool {
	return !strings.Contains(p.ID, " [") && strings.HasSuffix(p.ID, ".test") && p.Name == "main"
}

// broken describes why e, which is ill-typed, is not analysed.
func (e *pkgEntry) broken() *Broken {
	b := &Broken{PkgPath: e.meta.PkgPath}
	for _, err := range e.errors {
		if !slices.ContainsFunc(b.Errors, func(x packages.Error) bool { return x.Pos == err.Pos && x.Msg == err.Msg }) {
			b.Errors = append(b.Errors, err)
		}
	}
	if len(b.Errors) == 0 {
		seen := make(map[*pkgEntry]bool)
		var find func(e *pkgEntry) string
		find = func(e *pkgEntry) string {
			for _, path := range slices.Sorted(maps.Keys(e.deps)) {
				d := e.deps[path]
				if seen[d] || !d.illTyped {
					continue
				}
				seen[d] = true
				if len(d.errors) > 0 {
					return d.meta.PkgPath
				}
				if p := find(d); p != "" {
					return p
				}
			}
			return ""
		}
		b.Dep = find(e)
	}
	return b
}

// parallel calls work, for each entry of entries for which need is true,
// after it has been called for the entry's dependencies among entries, at
// most GOMAXPROCS at a time. It stops starting work when the run's
// context is done.
func (r *run) parallel(entries []*pkgEntry, need func(*pkgEntry) bool, work func(*pkgEntry)) {
	deps := func(e *pkgEntry) []*pkgEntry { return slices.Collect(maps.Values(e.deps)) }
	pkgload.InOrder(entries, deps, func(e *pkgEntry) {
		if r.ctx.Err() == nil && need(e) {
			work(e)
		}
	})
}
