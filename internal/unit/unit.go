// Package unit runs analyzers on one package, given the analyses of its
// dependencies: the engine of both the command's driver (internal/driver),
// which analyses each package once and then drops its syntax, and the
// language server's cache (internal/cache), which keeps analyses between
// runs.
//
// golang.org/x/tools/go/analysis/checker keeps every action of a run to
// its end and copies each dependency's facts into every importer's
// action. Here an analysis is an Outcome: the facts the package exported,
// which importers read in place, what failed and, for a root package, the
// diagnostics. The analyzers see what checker would give them: the same
// requirements, and the same facts (an object fact of a dependency is
// visible where checker's propagation would make it visible).
package unit

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// An Input is a type-checked package to analyse.
type Input struct {
	ID           string // the package's ID, as go list gives it
	Fset         *token.FileSet
	Files        []*ast.File
	Types        *types.Package
	Info         *types.Info
	TypeErrors   []types.Error
	Sizes        types.Sizes
	Module       *packages.Module
	OtherFiles   []string
	IgnoredFiles []string
	IllTyped     bool // it or a dependency has errors

	// ReadFile reads a file for Pass.ReadFile; nil means os.ReadFile.
	ReadFile func(name string) ([]byte, error)

	// Deps gives the analyses of the dependencies.
	Deps Deps
}

// Deps gives a package's view of the analyses of its dependencies.
type Deps interface {
	// Analysis returns the analysis of dependency pkg, direct or not,
	// or nil if it was not analysed.
	Analysis(pkg *types.Package) *Outcome
	// Direct reports whether pkg is a direct import.
	Direct(pkg *types.Package) bool
	// Imports returns the analyses of the direct imports that were
	// analysed.
	Imports() []*Outcome
	// All returns the analyses of every dependency analysed.
	All() []*Outcome
}

// An Outcome is what the analyzers produced on one package.
type Outcome struct {
	ID     string
	Types  *types.Package
	AsRoot bool // all analyzers ran, not only those that export facts

	// Failed holds the analyzers that failed or did not run.
	Failed map[*analysis.Analyzer]*Failure

	// Diagnostics holds, when AsRoot, the diagnostics of each root
	// analyzer, in the order they were reported.
	Diagnostics map[*analysis.Analyzer][]analysis.Diagnostic

	facts facts
}

// DropFacts forgets the facts o holds, once no package that may import
// them is left to analyse.
func (o *Outcome) DropFacts() { o.facts = facts{} }

// Rebind moves o to pkg, other types of the same package: those read
// back from export data written from o.Types, which importers then see
// in their place. Object facts follow their objects by object path; a
// fact about an object pkg lacks, which no importer can name, is dropped.
func (o *Outcome) Rebind(pkg *types.Package) {
	var enc objectpath.Encoder
	objects := make(map[objectKey]analysis.Fact, len(o.facts.objects))
	for k, f := range o.facts.objects {
		path, err := enc.For(k.obj)
		if err != nil {
			continue
		}
		if obj, err := objectpath.Object(pkg, path); err == nil {
			objects[objectKey{obj, k.typ}] = f
		}
	}
	if o.facts.objects != nil {
		o.facts.objects = objects
	}
	o.Types = pkg
}

// A Failure is an analyzer that failed on a package.
type Failure struct {
	Analyzer *analysis.Analyzer
	Package  string // package ID
	Err      error

	// Prerequisite is set when the analyzer did not run because an
	// analyzer it needs failed, on this package or a dependency, or
	// because the package has errors.
	Prerequisite bool
}

// Analyse runs the analyzers of plan on in, whose dependencies have been
// analysed: all of them if asRoot, else those that export facts. Like
// checker, it runs an analyzer only if what it requires succeeded, on
// this package and, for facts, on the dependencies.
func Analyse(plan *Plan, in *Input, asRoot bool) *Outcome {
	set := plan.facts
	if asRoot {
		set = plan.all
	}
	out := &Outcome{
		ID:          in.ID,
		Types:       in.Types,
		AsRoot:      asRoot,
		Failed:      make(map[*analysis.Analyzer]*Failure),
		Diagnostics: make(map[*analysis.Analyzer][]analysis.Diagnostic),
		facts:       newFacts(),
	}
	results := make(map[*analysis.Analyzer]any)
	for _, a := range set {
		if failed := failedPrerequisites(in, a, out); len(failed) > 0 {
			out.Failed[a] = &Failure{a, in.ID, fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", ")), true}
			continue
		}
		if in.IllTyped && !a.RunDespiteErrors {
			out.Failed[a] = &Failure{a, in.ID, fmt.Errorf("analysis skipped due to errors in package"), true}
			continue
		}
		var diags []analysis.Diagnostic
		pass := newPass(plan, in, a, out, results, &diags)
		result, err := runPass(pass)
		pass.ExportObjectFact, pass.ExportPackageFact = nil, nil // as checker: no exports after Run
		if err != nil {
			out.Failed[a] = &Failure{Analyzer: a, Package: in.ID, Err: err}
			continue
		}
		results[a] = result
		if asRoot && plan.roots[a] && len(diags) > 0 {
			out.Diagnostics[a] = diags
		}
	}
	return out
}

// failedPrerequisites names the actions a needs that failed.
func failedPrerequisites(in *Input, a *analysis.Analyzer, out *Outcome) []string {
	var failed []string
	for _, req := range a.Requires {
		if out.Failed[req] != nil {
			failed = append(failed, fmt.Sprintf("%s@%s", req.Name, in.ID))
		}
	}
	if len(a.FactTypes) > 0 {
		for _, d := range in.Deps.Imports() {
			if d.Failed[a] != nil {
				failed = append(failed, fmt.Sprintf("%s@%s", a.Name, d.ID))
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

// newPass returns the pass of analyzer a on in, exporting facts to out
// and appending its diagnostics to diags.
func newPass(plan *Plan, in *Input, a *analysis.Analyzer, out *Outcome, results map[*analysis.Analyzer]any, diags *[]analysis.Diagnostic) *analysis.Pass {
	inputs := make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, req := range a.Requires {
		inputs[req] = results[req]
	}
	factTypes := plan.factTypes[a]
	own := &out.facts
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         in.Fset,
		Files:        in.Files,
		OtherFiles:   in.OtherFiles,
		IgnoredFiles: in.IgnoredFiles,
		Pkg:          in.Types,
		TypesInfo:    in.Info,
		TypesSizes:   in.Sizes,
		TypeErrors:   in.TypeErrors,
		Module:       analysisModule(in.Module),
		ResultOf:     inputs,
	}
	pass.Report = func(d analysis.Diagnostic) {
		if err := checkFixes(in.Fset, d.SuggestedFixes); err != nil {
			panic(fmt.Sprintf("analyzer %s suggests an invalid fix: %v", a.Name, err))
		}
		*diags = append(*diags, d)
	}
	pass.ReadFile = func(name string) ([]byte, error) {
		if !readable(in, name) {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
		}
		if in.ReadFile != nil {
			return in.ReadFile(name)
		}
		return os.ReadFile(name)
	}
	// source returns the facts of pkg, as seen from in, or nil.
	source := func(pkg *types.Package) *facts {
		if pkg == in.Types {
			return own
		}
		if d := in.Deps.Analysis(pkg); d != nil {
			return &d.facts
		}
		return nil
	}
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		if obj == nil {
			panic("nil object")
		}
		t := reflect.TypeOf(ptr)
		if !factTypes[t] {
			return false
		}
		src := source(obj.Pkg())
		if src == nil || src != own && !visible(obj, in.Deps.Direct(obj.Pkg())) {
			return false
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
		src := source(pkg)
		return src != nil && copyFact(src.packages[t], ptr)
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj.Pkg() != in.Types {
			panic(fmt.Sprintf("internal error: in analysis %s of package %s: Fact.Set(%s, %T): can't set facts on objects belonging another package",
				a.Name, in.ID, obj, fact))
		}
		own.objects[objectKey{obj, reflect.TypeOf(fact)}] = fact
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		own.packages[reflect.TypeOf(fact)] = fact
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		list := own.objectFacts(factTypes, nil)
		for _, d := range in.Deps.All() {
			list = append(list, d.facts.objectFacts(factTypes, func(obj types.Object) bool {
				return visible(obj, in.Deps.Direct(d.Types))
			})...)
		}
		return list
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		list := own.packageFacts(in.Types, factTypes)
		for _, d := range in.Deps.All() {
			list = append(list, d.facts.packageFacts(d.Types, factTypes)...)
		}
		return list
	}
	return pass
}

// readable reports whether an analyzer of in may read the named file, by
// the rule of Pass.ReadFile.
func readable(in *Input, name string) bool {
	if slices.Contains(in.OtherFiles, name) || slices.Contains(in.IgnoredFiles, name) {
		return true
	}
	for _, f := range in.Files {
		if in.Fset.File(f.FileStart).Name() == name {
			return true
		}
	}
	return false
}

func analysisModule(m *packages.Module) *analysis.Module {
	if m == nil {
		return &analysis.Module{} // possibly empty, never nil, as checker gives it
	}
	am := &analysis.Module{
		Path:      m.Path,
		Version:   m.Version,
		Time:      m.Time,
		Main:      m.Main,
		Indirect:  m.Indirect,
		Dir:       m.Dir,
		GoMod:     m.GoMod,
		GoVersion: m.GoVersion,
	}
	if m.Replace != nil {
		am.Replace = analysisModule(m.Replace)
	}
	if m.Error != nil {
		am.Error = &analysis.ModuleError{Err: m.Error.Err}
	}
	return am
}
