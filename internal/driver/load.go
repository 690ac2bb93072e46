// Package driver is the engine of the standalone resplint command: it loads
// packages with go list, type-checks and analyses them (internal/unit),
// and prints or applies the results.
//
// The go vet and go fix protocols are not handled here; cmd/resplint hands
// those to golang.org/x/tools/go/analysis/unitchecker.
package driver

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/internal/srcmap"
	"github.com/resplint/resplint/internal/unit"
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

	// MessagesOnly drops each diagnostic's suggested fixes and related
	// information as soon as its package is analysed, for an output
	// that shows neither (the text of a lint run): at the end of a run
	// they are most of what its diagnostics hold.
	MessagesOnly bool

	// Warnings receives warnings that do not change the result, such as
	// that the cache program failed; nil means standard error.
	Warnings io.Writer
}

// A Result holds the outcome of one analysis run.
type Result struct {
	// Broken lists, by package path, the packages (or test variants of
	// packages) that were not analysed because they or their
	// dependencies failed to load or type-check.
	Broken []*Broken

	// Analysed counts the analyses of packages: of the packages asked
	// for, and of dependencies for their facts.
	Analysed int

	plan      *unit.Plan
	fset      *token.FileSet
	analyses  []pkgAnalysis                // every analysis, in no particular order
	generated map[string]bool              // the generated files of the packages analysed as roots
	sums      map[string][sha256.Size]byte // each file parsed or mapped to -> SHA-256 of its content then (see loader, readSource)
	srcs      *srcmap.Mapper               // where positions are shown and edits made

	// brokenFiles holds the files of packages that have errors of their
	// own; fixes never touch them.
	brokenFiles map[string]string // file name -> package path
}

// A pkgAnalysis is the analysis of one package.
type pkgAnalysis struct {
	pkg *packages.Package
	out *unit.Outcome
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

	// Variant is set when another variant of the package was analysed
	// in its place: it is the ID of the one that was not, such as the
	// test variant "p [p.test]" when only p's tests have errors.
	Variant string
}

// name names the package, or the variant of it, that was not analysed.
func (b *Broken) name() string {
	if b.Variant != "" {
		return b.Variant
	}
	return b.PkgPath
}

// Analyze loads the packages that patterns (go list patterns) denote and
// runs analyzers on each of them that type-checks. It returns an error only
// when loading fails as a whole; per-package problems are in Result.Broken,
// and analyzer failures in Result.Errors.
func Analyze(analyzers []*analysis.Analyzer, patterns []string, cfg Config) (*Result, error) {
	plan, err := unit.NewPlan(analyzers)
	if err != nil {
		return nil, err
	}
	cacheDir, err := factCacheDir()
	if err != nil {
		return nil, err
	}
	facts := plan.Factful()
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
		if cache = openFactCache(cacheDir, analyzers); cache != nil {
			warnings := cfg.Warnings
			if warnings == nil {
				warnings = os.Stderr
			}
			cache.shared = openSharedCache(warnings)
			defer cache.close()
		}
	}
	ld, err := load(patterns, cfg, source, cache, facts)
	if err != nil {
		return nil, goCommandError(err)
	}
	if len(ld.roots) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return analyse(plan, ld, cfg.MessagesOnly), nil
}

// readSource reads a file for r.srcs: a file the mapper moves edits to
// (the source of a file cgo generated) was not parsed, so its content is
// recorded here, for -fix to write it only if it still holds it, and so
// is whether it is generated.
func (r *Result) readSource(name string) ([]byte, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if _, ok := r.sums[name]; !ok {
		r.sums[name] = sha256.Sum256(src)
		if f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.PackageClauseOnly|parser.ParseComments); err == nil && ast.IsGenerated(f) {
			r.generated[name] = true
		}
	}
	return src, nil
}

// goListFailure matches the error of go/packages when the go command
// fails: "err: exit status 1: stderr: go: go.mod requires go >= ...".
var goListFailure = regexp.MustCompile(`^err: exit status \d+: stderr: (?s:(.*))$`)

// goCommandError returns the go command's own message in place of such
// an error, without its "go: " prefix, so that it reads as go vet's does.
func goCommandError(err error) error {
	m := goListFailure.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	msg := strings.TrimSpace(strings.TrimPrefix(m[1], "go: "))
	if msg == "" {
		return err
	}
	return errors.New(msg)
}

// candidates returns, by package path, the packages that may be analysed
// for the packages asked for, in order of preference, and the paths in
// order. With tests, go list gives a package p, its test variant
// "p [p.test]" (p's files plus its in-package tests), the external test
// package "p_test [p.test]" and the generated test main "p.test". Like
// go vet, analyse the test variant in place of p, so that each file is
// analysed once, and skip the test main; if the test variant does not
// type-check but p does, analyse p (see firstTyped).
func candidates(pkgs []*packages.Package) ([]string, map[string][]*packages.Package) {
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
	for path, variants := range byPath {
		paths = append(paths, path)
		// Test variants first.
		sort.SliceStable(variants, func(i, j int) bool {
			_, ti := testVariant(variants[i].ID)
			_, tj := testVariant(variants[j].ID)
			return ti && !tj
		})
	}
	sort.Strings(paths)
	return paths, byPath
}

// firstTyped returns the package of variants (in order of preference) to
// analyse: the first that type-checks, once that can be told, which is
// when typed reports true for it and every package before it. decided is
// false until then; a nil root then means none type-checks.
func firstTyped(variants []*packages.Package, typed func(*packages.Package) bool) (root *packages.Package, decided bool) {
	for _, p := range variants {
		if !typed(p) {
			return nil, false
		}
		if !p.IllTyped {
			return p, true
		}
	}
	return nil, true
}

// recordBroken records in r the candidates that were not analysed, and
// why: paths and byPath are as candidates returns them, with every
// package type-checked.
//
// When a variant of a path type-checks and is analysed in place of one
// that does not (p, when its test variant "p [p.test]" has errors in
// its _test.go files), the one left out is reported by its ID, and only
// its files that the analysed one lacks are barred from fixes.
func (r *Result) recordBroken(paths []string, byPath map[string][]*packages.Package) {
	r.brokenFiles = make(map[string]string)
	var illTyped []*packages.Package
	for _, path := range paths {
		variants := byPath[path]
		root, _ := firstTyped(variants, func(*packages.Package) bool { return true })
		var broken *Broken
		var from []*packages.Package // the variants broken describes
		done := func() {
			if broken != nil && len(broken.Errors) == 0 {
				seen := make(map[*packages.Package]bool)
				for _, p := range from {
					visitBroken(p, seen, func(dep, _ *packages.Package) {
						if broken.Dep == "" {
							broken.Dep = dep.PkgPath
						}
					})
				}
			}
		}
		for _, p := range variants {
			if !p.IllTyped {
				continue
			}
			illTyped = append(illTyped, p)
			if broken == nil || root != nil {
				done()
				broken, from = &Broken{PkgPath: path}, nil
				if root != nil {
					broken.Variant = p.ID
				}
				r.Broken = append(r.Broken, broken)
			}
			from = append(from, p)
			broken.Errors = appendErrors(broken.Errors, p.Errors)
			if len(p.Errors) > 0 {
				for _, f := range slices.Concat(p.CompiledGoFiles, p.GoFiles) {
					if root == nil || !slices.Contains(root.CompiledGoFiles, f) && !slices.Contains(root.GoFiles, f) {
						r.brokenFiles[f] = broken.name()
					}
				}
			}
		}
		done()
	}

	r.Broken = append(r.Broken, brokenDeps(illTyped, byPath)...)
	slices.SortStableFunc(r.Broken, func(a, b *Broken) int { return strings.Compare(a.PkgPath, b.PkgPath) })
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

// Errors returns the analysis failures: one error for each analyzer that
// failed on a package on its own (not merely because an analyzer it needs
// failed), in a stable order.
func (r *Result) Errors() []error {
	var msgs []string
	for _, a := range r.analyses {
		for _, f := range a.out.Failed {
			if f.Prerequisite {
				continue
			}
			msg := f.Err.Error()
			if _, ok := errors.AsType[*PanicError](f.Err); !ok {
				msg = fmt.Sprintf("analyzer %s failed on package %s: %s", f.Analyzer.Name, a.pkg.PkgPath, msg)
			}
			msgs = append(msgs, msg)
		}
	}
	sort.Strings(msgs)
	msgs = slices.Compact(msgs)
	errs := make([]error, len(msgs))
	for i, msg := range msgs {
		errs[i] = errors.New(msg)
	}
	return errs
}
