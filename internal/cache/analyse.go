package cache

import (
	"fmt"
	"go/types"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// An analysisResult is what the analyzers produced on one package.
type analysisResult struct {
	asRoot bool // all analyzers ran, not only those that export facts
	facts  *factSet
	failed map[*analysis.Analyzer]*Failure
	diags  []Diagnostic // of the root analyzers, when asRoot
}

// A Failure is an analyzer that failed on a package.
type Failure struct {
	Analyzer string
	Package  string // package path
	Err      error

	// Prerequisite is set when the analyzer did not run because an
	// analyzer it needs failed, on this package or a dependency.
	Prerequisite bool
}

// A factSet holds the facts exported on one package.
type factSet struct {
	objects  map[objectKey]analysis.Fact
	packages map[reflect.Type]analysis.Fact
}

type objectKey struct {
	obj types.Object
	typ reflect.Type
}

// analysed reports whether e holds the analysis a run needs.
func (e *pkgEntry) analysed(asRoot bool) bool {
	return e.analysis != nil && (e.analysis.asRoot || !asRoot)
}

// analyse runs the analyzers on e, whose dependencies have been analysed:
// all of them if asRoot, else those that export facts. Like checker, it
// runs an analyzer only if what it requires succeeded, on this package
// and, for facts, on the dependencies.
func (r *run) analyse(e *pkgEntry, asRoot bool) {
	p := r.c.plan
	set := p.facts
	if asRoot {
		set = p.all
	}
	res := &analysisResult{
		asRoot: asRoot,
		facts:  &factSet{objects: make(map[objectKey]analysis.Fact), packages: make(map[reflect.Type]analysis.Fact)},
		failed: make(map[*analysis.Analyzer]*Failure),
	}
	results := make(map[*analysis.Analyzer]any)
	for _, a := range set {
		if failed := r.failedPrerequisites(e, a, res); len(failed) > 0 {
			res.failed[a] = &Failure{a.Name, e.meta.PkgPath, fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", ")), true}
			continue
		}
		if e.illTyped && !a.RunDespiteErrors {
			res.failed[a] = &Failure{a.Name, e.meta.PkgPath, fmt.Errorf("analysis skipped due to errors in package"), true}
			continue
		}
		var diags []analysis.Diagnostic
		pass := r.newPass(e, a, res.facts, results, &diags)
		result, err := runPass(pass)
		pass.ExportObjectFact, pass.ExportPackageFact = nil, nil // as checker: no exports after Run
		if err != nil {
			res.failed[a] = &Failure{Analyzer: a.Name, Package: e.meta.PkgPath, Err: err}
			continue
		}
		results[a] = result
		if asRoot && p.roots[a] {
			for _, d := range diags {
				res.diags = append(res.diags, resolveDiagnostic(r.c.fset, a, d))
			}
		}
	}
	e.analysis = res
}

// failedPrerequisites names the actions a needs that failed.
func (r *run) failedPrerequisites(e *pkgEntry, a *analysis.Analyzer, res *analysisResult) []string {
	var failed []string
	for _, req := range a.Requires {
		if res.failed[req] != nil {
			failed = append(failed, fmt.Sprintf("%s@%s", req.Name, e.meta.ID))
		}
	}
	if len(a.FactTypes) > 0 {
		for _, d := range e.deps {
			if d.analysis != nil && d.analysis.failed[a] != nil {
				failed = append(failed, fmt.Sprintf("%s@%s", a.Name, d.meta.ID))
			}
		}
	}
	sort.Strings(failed)
	return failed
}

// runPass runs the analyzer of pass, turning a panic into an error.
func runPass(pass *analysis.Pass) (result any, err error) {
	defer func() {
		if v := recover(); v != nil {
			result, err = nil, fmt.Errorf("internal error: analyzer %s panicked on package %s: %v", pass.Analyzer.Name, pass.Pkg.Path(), v)
		}
	}()
	result, err = pass.Analyzer.Run(pass)
	if err != nil {
		return nil, err
	}
	if got, want := reflect.TypeOf(result), pass.Analyzer.ResultType; got != want {
		return nil, fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v",
			pass.Pkg.Path(), pass.Analyzer, got, want)
	}
	return result, nil
}

// newPass returns the pass of analyzer a on e, exporting facts to own and
// appending its diagnostics to diags.
func (r *run) newPass(e *pkgEntry, a *analysis.Analyzer, own *factSet, results map[*analysis.Analyzer]any, diags *[]analysis.Diagnostic) *analysis.Pass {
	inputs := make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, req := range a.Requires {
		inputs[req] = results[req]
	}
	factTypes := r.c.plan.factTypes[a]
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         r.c.fset,
		Files:        e.files,
		OtherFiles:   e.meta.OtherFiles,
		IgnoredFiles: e.meta.IgnoredFiles,
		Pkg:          e.types,
		TypesInfo:    e.info,
		TypesSizes:   e.meta.TypesSizes,
		TypeErrors:   e.typeErrors,
		Module:       e.module(),
		ResultOf:     inputs,
		Report:       func(d analysis.Diagnostic) { *diags = append(*diags, d) },
	}
	pass.ReadFile = func(name string) ([]byte, error) {
		if !r.readable(e, name) {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
		}
		content, _, err := r.read(name)
		if content == nil && err == nil {
			return os.ReadFile(name) // immutable files are not kept
		}
		return content, err
	}
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		if obj == nil {
			panic("nil object")
		}
		t := reflect.TypeOf(ptr)
		if !factTypes[t] {
			return false
		}
		src := own
		if obj.Pkg() != e.types {
			d := e.closure[obj.Pkg()]
			if d == nil || d.analysis == nil || !visible(obj, e.direct[obj.Pkg()]) {
				return false
			}
			src = d.analysis.facts
		}
		return copyFact(src.objects[objectKey{obj, t}], ptr)
	}
	pass.ImportPackageFact = func(pkg *types.Package, ptr analysis.Fact) bool {
		if pkg == nil {
			panic("nil package")
		}
		t := reflect.TypeOf(ptr)
		if !factTypes[t] {
			return false
		}
		src := own
		if pkg != e.types {
			d := e.closure[pkg]
			if d == nil || d.analysis == nil {
				return false
			}
			src = d.analysis.facts
		}
		return copyFact(src.packages[t], ptr)
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj.Pkg() != e.types {
			panic(fmt.Sprintf("internal error: in analysis %s of package %s: Fact.Set(%s, %T): can't set facts on objects belonging another package",
				a.Name, e.meta.ID, obj, fact))
		}
		own.objects[objectKey{obj, reflect.TypeOf(fact)}] = fact
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		own.packages[reflect.TypeOf(fact)] = fact
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		var facts []analysis.ObjectFact
		add := func(fs *factSet, direct, self bool) {
			for k, f := range fs.objects {
				if factTypes[k.typ] && (self || visible(k.obj, direct)) {
					facts = append(facts, analysis.ObjectFact{Object: k.obj, Fact: f})
				}
			}
		}
		add(own, true, true)
		for pkg, d := range e.closure {
			if d.analysis != nil {
				add(d.analysis.facts, e.direct[pkg], false)
			}
		}
		return facts
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var facts []analysis.PackageFact
		add := func(pkg *types.Package, fs *factSet) {
			for t, f := range fs.packages {
				if factTypes[t] {
					facts = append(facts, analysis.PackageFact{Package: pkg, Fact: f})
				}
			}
		}
		add(e.types, own)
		for pkg, d := range e.closure {
			if d.analysis != nil {
				add(pkg, d.analysis.facts)
			}
		}
		return facts
	}
	return pass
}

// readable reports whether an analyzer of e may read the named file, by
// the rule of Pass.ReadFile.
func (r *run) readable(e *pkgEntry, name string) bool {
	if slices.Contains(e.meta.OtherFiles, name) || slices.Contains(e.meta.IgnoredFiles, name) {
		return true
	}
	for _, f := range e.files {
		if r.c.fset.File(f.FileStart).Name() == name {
			return true
		}
	}
	return false
}

// visible reports whether checker would make a fact about obj, exported
// on a dependency, visible to a package: checker passes facts from each
// package to its importers, dropping, at each step, those of objects that
// cannot appear in the importer's export data. So facts about methods,
// fields, types and constants reach every package depending on theirs;
// facts about other functions (exported ones) and variables reach only
// the packages that import theirs directly.
func visible(obj types.Object, direct bool) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Signature().Recv() != nil || direct && obj.Exported()
	case *types.Var:
		return obj.IsField() || direct
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

// copyFact copies fact, if not nil, to *ptr.
func copyFact(fact, ptr analysis.Fact) bool {
	if fact == nil {
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(fact).Elem())
	return true
}
