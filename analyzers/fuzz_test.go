package analyzers_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/analyzers/internal/testmod"
	"github.com/resplint/resplint/bench/corpus"
	"github.com/resplint/resplint/internal/cache"
)

// FuzzAnalyzers runs every analyzer of All on mutants of handler sources
// that type-check, and fails if one panics or fails. A mutant is the
// source (which the fuzzer also mutates byte by byte) with up to four
// syntax edits chosen by ops: statements swapped, deleted or repeated,
// literals and identifiers exchanged. Mutants that do not parse or do
// not type-check are skipped. The package is analysed in a generated
// module of one feature (bench/corpus), with the standard library and the
// frameworks analysed once per process and kept (internal/cache).
//
// The seeds are the generated handlers of every framework, the corpus's
// helpers, and testdata/fuzz/FuzzAnalyzers. They run only when fuzzing
// (go test -fuzz=FuzzAnalyzers ./analyzers/) or with RESPLINT_LONG=1,
// because the first analysis of the dependencies takes a while.
func FuzzAnalyzers(f *testing.F) {
	if fuzz := flag.Lookup("test.fuzz"); fuzz.Value.String() == "" && os.Getenv("RESPLINT_LONG") == "" {
		f.Skip("set RESPLINT_LONG=1 or fuzz to run")
	}
	td := testmod.Dir(f)
	dir := f.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Features: 1, Testdata: td, Repo: filepath.Dir(td)}); err != nil {
		f.Fatal(err)
	}
	var seeds []string
	for _, fw := range corpus.Frameworks {
		seeds = append(seeds, filepath.Join(dir, "handlers", fw, "p0", "handlers.go"))
	}
	seeds = append(seeds, filepath.Join(dir, "helpers/h0/helpers.go"), filepath.Join(dir, "stores/s0/store.go"))
	for _, name := range seeds {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, uint64(0))
		f.Add(src, uint64(len(src)))
	}

	// The mutants replace the source of a file of their own package.
	target := filepath.Join(dir, "fuzz", "fuzz.go")
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		f.Fatal(err)
	}
	warmup, _ := mutate([]byte("package fuzz\n"), 0)
	if err := os.WriteFile(target, warmup, 0o644); err != nil {
		f.Fatal(err)
	}
	c, err := cache.New(cache.Options{Analyzers: analyzers.All()})
	if err != nil {
		f.Fatal(err)
	}
	// Analyse the dependencies now: the fuzzing engine takes an input that
	// runs for more than a few seconds for a hang.
	if _, err := c.Run(context.Background(), []string{target}, nil); err != nil {
		f.Fatal(err)
	}

	f.Fuzz(func(t *testing.T, src []byte, ops uint64) {
		mutant, ok := mutate(src, ops)
		if !ok {
			return
		}
		res, err := c.Run(context.Background(), []string{target}, map[string][]byte{target: mutant})
		if err != nil {
			t.Fatal(err)
		}
		t.Log(res.Stats)
		if len(res.Broken) > 0 {
			return // it does not type-check
		}
		for _, fl := range res.Failures {
			if !fl.Prerequisite {
				t.Errorf("%s failed on %s: %v\nsource:\n%s", fl.Analyzer, fl.Package, fl.Err, mutant)
			}
		}
	})
}

// fuzzImports are the imports of every mutant: those its source does not
// use are blank. A constant list of import paths keeps the package's
// metadata, so that no mutant needs go list again, and analysing the
// first mutant analyses every dependency of the others.
var fuzzImports = []string{
	"encoding/json",
	"fmt",
	"net/http",
	"os",
	"strconv",
	"time",

	"github.com/gin-gonic/gin",
	"github.com/go-chi/chi/v5",
	"github.com/gofiber/fiber/v2",
	"github.com/gofiber/fiber/v2/middleware/session",
	"github.com/gofiber/fiber/v3",
	"github.com/gofiber/fiber/v3/middleware/session",
	"github.com/gorilla/sessions",
	"github.com/labstack/echo/v4",
	"github.com/labstack/echo/v5",

	corpus.ModulePath + "/helpers/h0",
	corpus.ModulePath + "/models/m0",
	corpus.ModulePath + "/stores/s0",
}

// mutate applies up to four syntax edits chosen by ops to the Go source
// src, and gives it package name fuzz and the imports fuzzImports (and
// any others it has). It reports false if src does not parse.
func mutate(src []byte, ops uint64) ([]byte, bool) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "fuzz.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, false
	}
	var blocks []*ast.BlockStmt
	var lits []*ast.BasicLit
	var idents []*ast.Ident
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			if len(n.List) > 0 {
				blocks = append(blocks, n)
			}
		case *ast.BasicLit:
			lits = append(lits, n)
		case *ast.Ident:
			if n.Name != "_" && n != file.Name {
				idents = append(idents, n)
			}
		}
		return true
	})
	rng := rand.New(rand.NewPCG(ops, ops>>17))
	for range ops % 5 {
		switch rng.IntN(5) {
		case 0: // swap two statements of a block
			if b := pick(rng, blocks); b != nil {
				i, j := rng.IntN(len(b.List)), rng.IntN(len(b.List))
				b.List[i], b.List[j] = b.List[j], b.List[i]
			}
		case 1: // delete a statement
			if b := pick(rng, blocks); b != nil && len(b.List) > 1 {
				i := rng.IntN(len(b.List))
				b.List = append(b.List[:i:i], b.List[i+1:]...)
			}
		case 2: // repeat a statement
			if b := pick(rng, blocks); b != nil {
				i := rng.IntN(len(b.List))
				b.List = append(b.List[:i+1:i+1], b.List[i:]...)
			}
		case 3: // give a literal the value of another of its kind
			if a, b := pick(rng, lits), pick(rng, lits); a != nil && a.Kind == b.Kind {
				a.Value = b.Value
			}
		case 4: // use another identifier's name
			if a, b := pick(rng, idents), pick(rng, idents); a != nil {
				a.Name = b.Name
			}
		}
	}
	return withImports(fset, file)
}

// withImports prints file as package fuzz, with the imports fuzzImports
// and then those of file's own not among them. Comments are dropped.
func withImports(fset *token.FileSet, file *ast.File) ([]byte, bool) {
	own := make(map[string]*ast.ImportSpec)
	var extra []string
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			return nil, false
		}
		if _, dup := own[path]; !dup && !slices.Contains(fuzzImports, path) {
			extra = append(extra, path)
		}
		own[path] = imp
	}
	var buf bytes.Buffer
	buf.WriteString("package fuzz\n\nimport (\n")
	for _, path := range append(slices.Clip(fuzzImports), extra...) {
		name := "_"
		if imp := own[path]; imp != nil {
			name = ""
			if imp.Name != nil {
				name = imp.Name.Name
			}
		}
		fmt.Fprintf(&buf, "\t%s %q\n", name, path)
	}
	buf.WriteString(")\n")
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			continue
		}
		buf.WriteString("\n")
		if err := format.Node(&buf, fset, d); err != nil {
			return nil, false
		}
		buf.WriteString("\n")
	}
	return buf.Bytes(), true
}

// pick returns a random element of list, or the zero value if it is empty.
func pick[T any](rng *rand.Rand, list []T) T {
	var zero T
	if len(list) == 0 {
		return zero
	}
	return list[rng.IntN(len(list))]
}
