// Package driver is the engine of the standalone resplint command: it loads
// packages with go/packages, runs analyzers on them with
// golang.org/x/tools/go/analysis/checker, and prints or applies the results.
//
// The go vet and go fix protocols are not handled here; cmd/resplint hands
// those to golang.org/x/tools/go/analysis/unitchecker.
package driver

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Config says which packages to load and how.
type Config struct {
	Tests      bool     // analyse test files too (through the test variants of packages)
	BuildFlags []string // build flags for the build system, e.g. -tags=integration

	// Sources says which dependencies of the packages asked for the
	// analyzers need from source, for the facts they compute about
	// them (see analyzers.Sources); the others' types are read from
	// export data. Nil means every dependency, if an analyzer uses facts.
	Sources func(*packages.Package) bool
}

// A Result holds the outcome of one analysis run.
type Result struct {
	// Graph holds the analysis of every package that type-checked;
	// it is nil when none did.
	Graph *checker.Graph

	// Broken lists, by package path, the packages that were not analysed
	// because they or their dependencies failed to load or type-check.
	Broken []*Broken

	// brokenFiles holds the files of packages that have errors of their
	// own; fixes never touch them.
	brokenFiles map[string]string // file name -> package path
}

// Broken describes a package that was not analysed, or a dependency
// that made packages impossible to analyse.
type Broken struct {
	PkgPath    string
	ImportedBy string           // for a dependency that was not asked for: a package importing it
	Errors     []packages.Error // the package's own errors, without duplicates

	// Dep is set when the package has no errors of its own: it is the
	// first dependency that has. That one is reported too.
	Dep string
}

// Analyze loads the packages that patterns (go list patterns) denote and
// runs analyzers on each of them that type-checks. It returns an error only
// when loading fails as a whole; per-package problems are in Result.Broken,
// and analyzer failures in the actions of Result.Graph.
func Analyze(analyzers []*analysis.Analyzer, patterns []string, cfg Config) (*Result, error) {
	facts := factful(analyzers)
	source := cfg.Sources
	switch {
	case len(facts) == 0:
		source = func(*packages.Package) bool { return false }
	case source == nil:
		// Facts are computed by running the analyzers on every
		// dependency, so every dependency needs syntax and types.
		source = func(*packages.Package) bool { return true }
	}
	var cache *factCache
	if len(facts) > 0 {
		if cache = openFactCache(analyzers); cache != nil {
			defer cache.trim()
		}
	}
	ld, err := load(patterns, cfg, source, cache, facts)
	if err != nil {
		return nil, err
	}
	if len(ld.roots) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}

	roots, res := selectRoots(ld.roots)
	if len(roots) > 0 {
		// The checker runs the analyzers that use facts on every package
		// in Imports. Those read from export data, or from source for
		// their types alone, have no syntax to run them on, and the
		// analyzers want only their types, unless their facts come from
		// the cache; no analysed package is below them.
		packages.Visit(roots, nil, func(p *packages.Package) {
			maps.DeleteFunc(p.Imports, func(_ string, q *packages.Package) bool {
				return !ld.analysed[q] && !ld.cached[q].isHit()
			})
		})
		for p, cp := range ld.cached {
			cachedPackages.Store(p.Types, cp)
			defer cachedPackages.Delete(p.Types)
		}
		res.Graph, err = checker.Analyze(analyzers, roots, nil)
		if err != nil {
			return nil, err
		}
	}
	return res, nil
}

// factful returns the analyzers, of analyzers and those they require,
// that use facts.
func factful(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	return slices.DeleteFunc(closure(analyzers), func(a *analysis.Analyzer) bool { return len(a.FactTypes) == 0 })
}

// selectRoots picks the packages to analyse and records the broken ones.
//
// With tests, go/packages returns a package p, its test variant
// "p [p.test]" (p's files plus its in-package tests), the external test
// package "p_test [p.test]" and the generated test main "p.test". Like
// go vet, analyse the test variant instead of p, so that each file is
// analysed once, and skip the test main. If the test variant does not
// type-check but p does, analyse p.
func selectRoots(pkgs []*packages.Package) ([]*packages.Package, *Result) {
	testMains := make(map[string]bool)
	for _, p := range pkgs {
		if forTest, ok := testVariant(p.ID); ok {
			testMains[forTest] = true
		}
	}
	byPath := make(map[string][]*packages.Package)
	for _, p := range pkgs {
		if !testMains[p.ID] {
			byPath[p.PkgPath] = append(byPath[p.PkgPath], p)
		}
	}
	paths := make([]string, 0, len(byPath))
	for path := range byPath {
		paths = append(paths, path)
	}
	sort.Strings(paths)

	res := &Result{brokenFiles: make(map[string]string)}
	var roots, illTyped []*packages.Package
	for _, path := range paths {
		variants := byPath[path]
		// Test variants first.
		sort.SliceStable(variants, func(i, j int) bool {
			_, ti := testVariant(variants[i].ID)
			_, tj := testVariant(variants[j].ID)
			return ti && !tj
		})
		chosen := false
		var broken *Broken
		for _, p := range variants {
			if !p.IllTyped {
				if !chosen {
					roots = append(roots, p)
					chosen = true
				}
				continue
			}
			illTyped = append(illTyped, p)
			if broken == nil {
				broken = &Broken{PkgPath: path}
				res.Broken = append(res.Broken, broken)
			}
			broken.Errors = appendErrors(broken.Errors, p.Errors)
			if len(p.Errors) > 0 {
				for _, f := range slices.Concat(p.CompiledGoFiles, p.GoFiles) {
					res.brokenFiles[f] = path
				}
			}
		}
		if broken != nil && len(broken.Errors) == 0 {
			seen := make(map[*packages.Package]bool)
			for _, p := range variants {
				visitBroken(p, seen, func(dep, _ *packages.Package) {
					if broken.Dep == "" {
						broken.Dep = dep.PkgPath
					}
				})
			}
		}
	}

	res.Broken = append(res.Broken, brokenDeps(illTyped, byPath)...)
	slices.SortStableFunc(res.Broken, func(a, b *Broken) int { return strings.Compare(a.PkgPath, b.PkgPath) })
	return roots, res
}

// brokenDeps returns the dependencies of the ill-typed packages that have
// errors of their own and are not among the packages asked for.
func brokenDeps(illTyped []*packages.Package, asked map[string][]*packages.Package) []*Broken {
	var list []*Broken
	seen := make(map[*packages.Package]bool)
	byPath := make(map[string]*Broken)
	for _, p := range illTyped {
		visitBroken(p, seen, func(dep, importer *packages.Package) {
			if _, ok := asked[dep.PkgPath]; ok {
				return
			}
			b := byPath[dep.PkgPath]
			if b == nil {
				b = &Broken{PkgPath: dep.PkgPath, ImportedBy: importer.PkgPath}
				byPath[dep.PkgPath] = b
				list = append(list, b)
			}
			b.Errors = appendErrors(b.Errors, dep.Errors)
		})
	}
	return list
}

// testVariant reports whether id names a test variant "p [q.test]", and
// returns q.test, the ID of its test main.
func testVariant(id string) (testMain string, ok bool) {
	_, rest, ok := strings.Cut(id, " [")
	if !ok || !strings.HasSuffix(rest, "]") {
		return "", false
	}
	return strings.TrimSuffix(rest, "]"), true
}

// appendErrors appends to list the errors of errs it does not yet hold.
func appendErrors(list, errs []packages.Error) []packages.Error {
	for _, e := range errs {
		if !slices.ContainsFunc(list, func(x packages.Error) bool { return x.Pos == e.Pos && x.Msg == e.Msg }) {
			list = append(list, e)
		}
	}
	return list
}

// visitBroken calls visit, in depth-first order over sorted import paths,
// for each dependency of p not in seen that has errors of its own, with
// the package that imports it. It adds the dependencies it walks to seen.
func visitBroken(p *packages.Package, seen map[*packages.Package]bool, visit func(dep, importer *packages.Package)) {
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		dep := p.Imports[path]
		if seen[dep] || !dep.IllTyped {
			continue
		}
		seen[dep] = true
		if len(dep.Errors) > 0 {
			visit(dep, p)
		}
		visitBroken(dep, seen, visit)
	}
}

// Errors returns the analysis failures: one error for each action that
// failed on its own (not merely because an action it needs failed), in a
// stable order.
func (r *Result) Errors() []error {
	if r.Graph == nil {
		return nil
	}
	var msgs []string
	for act := range r.Graph.All() {
		if act.Err == nil || slices.ContainsFunc(act.Deps, func(d *checker.Action) bool { return d.Err != nil }) {
			continue
		}
		msg := act.Err.Error()
		if _, ok := errors.AsType[*PanicError](act.Err); !ok {
			msg = fmt.Sprintf("analyzer %s failed on package %s: %s", act.Analyzer.Name, act.Package.PkgPath, msg)
		}
		msgs = append(msgs, msg)
	}
	sort.Strings(msgs)
	msgs = slices.Compact(msgs)
	errs := make([]error, len(msgs))
	for i, msg := range msgs {
		errs[i] = errors.New(msg)
	}
	return errs
}
