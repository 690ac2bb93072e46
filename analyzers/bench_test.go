package analyzers_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
	"github.com/resplint/resplint/analyzers/internal/testmod"
	"github.com/resplint/resplint/bench/corpus"
)

// BenchmarkAnalyzers measures, on a generated corpus of two features (18
// packages, 168 handlers, and their dependencies: the standard library and
// every framework), the shared response model alone and each analyzer of
// All with what it requires, so that a regression in one check shows. The
// packages are loaded and type-checked once; each iteration analyses them
// afresh.
func BenchmarkAnalyzers(b *testing.B) {
	td := testmod.Dir(b)
	dir := b.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Features: 2, Testdata: td, Repo: filepath.Dir(td)}); err != nil {
		b.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, "./...")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("the corpus does not type-check")
	}
	bench := func(a *analysis.Analyzer) func(*testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
				if err != nil {
					b.Fatal(err)
				}
				for act := range g.All() {
					if act.Err != nil {
						b.Fatalf("%s on %s: %v", act.Analyzer, act.Package, act.Err)
					}
				}
			}
		}
	}
	b.Run("respmodel", bench(respmodel.Analyzer))
	for _, a := range analyzers.All() {
		b.Run(a.Name, bench(a))
	}
}
