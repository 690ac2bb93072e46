package cache

import (
	"go/types"
	"os"

	"github.com/resplint/resplint/internal/srcmap"
	"github.com/resplint/resplint/internal/unit"
)

// An analysisResult is what the analyzers produced on one package.
type analysisResult struct {
	*unit.Outcome
	diags []Diagnostic // of the root analyzers, resolved, when AsRoot
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

// analysed reports whether e holds the analysis a run needs.
func (e *pkgEntry) analysed(asRoot bool) bool {
	return e.analysis != nil && (e.analysis.AsRoot || !asRoot)
}

// failures returns the analyzers that failed on e, in the plan's order.
func (r *run) failures(e *pkgEntry) []*Failure {
	var list []*Failure
	for _, a := range r.c.plan.All() {
		if f := e.analysis.Failed[a]; f != nil {
			list = append(list, &Failure{a.Name, e.meta.PkgPath, f.Err, f.Prerequisite})
		}
	}
	return list
}

// analyse runs the analyzers on e, whose dependencies have been analysed:
// all of them if asRoot, else those that export facts.
func (r *run) analyse(e *pkgEntry, asRoot bool) {
	readFile := func(name string) ([]byte, error) {
		content, _, err := r.read(name)
		if content == nil && err == nil {
			return os.ReadFile(name) // immutable files are not kept
		}
		return content, err
	}
	in := &unit.Input{
		ID:           e.meta.ID,
		Fset:         r.c.fset,
		Files:        e.files,
		Types:        e.types,
		Info:         e.info,
		TypeErrors:   e.typeErrors,
		Sizes:        e.meta.TypesSizes,
		Module:       e.meta.Module,
		OtherFiles:   e.meta.OtherFiles,
		IgnoredFiles: e.meta.IgnoredFiles,
		IllTyped:     e.illTyped,
		ReadFile:     readFile,
		Deps:         entryDeps{e},
	}
	res := &analysisResult{Outcome: unit.Analyse(r.c.plan, in, asRoot)}
	srcs := srcmap.New(r.c.fset, readFile) // source files as in the overlay
	srcs.AddPackage(e.meta.GoFiles, e.meta.CompiledGoFiles)
	for _, a := range r.c.plan.All() {
		for _, d := range res.Diagnostics[a] {
			res.diags = append(res.diags, resolveDiagnostic(r.c.fset, srcs, a, d))
		}
	}
	res.Diagnostics = nil // resolved
	e.analysis = res
}

// entryDeps is the view of an entry's dependencies the analyzers get.
type entryDeps struct{ e *pkgEntry }

func (d entryDeps) Analysis(pkg *types.Package) *unit.Outcome {
	if dep := d.e.closure[pkg]; dep != nil && dep.analysis != nil {
		return dep.analysis.Outcome
	}
	return nil
}

func (d entryDeps) Direct(pkg *types.Package) bool { return d.e.direct[pkg] }

func (d entryDeps) Imports() []*unit.Outcome {
	var list []*unit.Outcome
	for _, dep := range d.e.deps {
		if dep.analysis != nil {
			list = append(list, dep.analysis.Outcome)
		}
	}
	return list
}

func (d entryDeps) All() []*unit.Outcome {
	var list []*unit.Outcome
	for _, dep := range d.e.closure {
		if dep.analysis != nil {
			list = append(list, dep.analysis.Outcome)
		}
	}
	return list
}
