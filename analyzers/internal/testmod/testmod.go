// Package testmod prepares resplint's testdata module for analysistest,
// which loads it with GOPROXY=off: the module's dependencies are
// downloaded first, once per test binary.
package testmod

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/txtar"
)

var download struct {
	once sync.Once
	err  error
	out  []byte
}

// Dir returns the absolute path of the testdata module, after making sure
// its dependencies are in the module cache.
func Dir(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata")
	download.once.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		download.out, download.err = cmd.CombinedOutput()
	})
	if download.err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, download.err, download.out)
	}
	return dir
}

// CheckGoldens type-checks the golden files of suggested-fix tests in the
// given packages of the testdata module: a golden file stands in for its
// source, and each section of a txtar golden file (one per fix message)
// is checked on its own. Suggested fixes must produce code that compiles.
//
// The packages' dependencies, and the packages the goldens import, are
// type-checked once from source, in one load for all the packages, for
// their types only (export data would have the go command compile them
// first); each section is then type-checked alone against them. (An overlay would make go/packages
// check every dependency from source again for each section.)
func CheckGoldens(t *testing.T, pkgs ...string) {
	t.Helper()
	dir := Dir(t)
	sections := make(map[string]map[string][]txtar.File) // by package, then by the file each stands in for
	for _, pkg := range pkgs {
		goldens, err := filepath.Glob(filepath.Join(dir, pkg, "*.go.golden"))
		if err != nil || len(goldens) == 0 {
			t.Fatalf("no golden files in %s", pkg)
		}
		sections[pkg] = make(map[string][]txtar.File)
		for _, g := range goldens {
			ar, err := txtar.ParseFile(g)
			if err != nil {
				t.Fatal(err)
			}
			secs := ar.Files
			if len(secs) == 0 {
				secs = []txtar.File{{Name: filepath.Base(g), Data: ar.Comment}}
			}
			sections[pkg][strings.TrimSuffix(g, ".golden")] = secs
		}
	}
	roots, imported := load(t, dir, sections)
	for _, pkg := range pkgs {
		for file, secs := range sections[pkg] {
			for _, sec := range secs {
				for _, e := range typeErrors(roots[pkg], imported, file, sec.Data) {
					t.Errorf("%s, fix %q: output does not type-check: %v", filepath.Base(file)+".golden", sec.Name, e)
				}
			}
		}
	}
}

// load loads the packages of the testdata module whose golden sections
// are given, with the packages those sections import, in one go, their
// types checked from source, and returns each package by its directory
// under dir and the types of every package loaded, by path.
func load(t *testing.T, dir string, sections map[string]map[string][]txtar.File) (map[string]*packages.Package, map[string]*types.Package) {
	patterns := make(map[string]bool)
	for pkg, files := range sections {
		patterns["./"+pkg] = true
		for file, secs := range files {
			for _, sec := range secs {
				f, err := parser.ParseFile(token.NewFileSet(), file, sec.Data, parser.ImportsOnly)
				if err != nil {
					t.Fatalf("%s.golden, fix %q: %v", filepath.Base(file), sec.Name, err)
				}
				for _, imp := range f.Imports {
					if p, err := strconv.Unquote(imp.Path.Value); err == nil && p != "C" {
						patterns[p] = true
					}
				}
			}
		}
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedCompiledGoFiles | packages.NeedImports | packages.NeedDeps | packages.NeedTypes,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	loaded, err := packages.Load(cfg, slices.Sorted(maps.Keys(patterns))...)
	if err != nil {
		t.Fatal(err)
	}
	roots := make(map[string]*packages.Package)
	imported := make(map[string]*types.Package)
	packages.Visit(loaded, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
		imported[p.PkgPath] = p.Types
		if len(p.CompiledGoFiles) > 0 {
			if rel, err := filepath.Rel(dir, filepath.Dir(p.CompiledGoFiles[0])); err == nil && sections[filepath.ToSlash(rel)] != nil {
				roots[filepath.ToSlash(rel)] = p
			}
		}
	})
	for pkg := range sections {
		if roots[pkg] == nil {
			t.Fatalf("%s: not loaded", pkg)
		}
	}
	return roots, imported
}

// typeErrors type-checks root's files with file's content replaced by
// src, its imports taken from imported.
func typeErrors(root *packages.Package, imported map[string]*types.Package, file string, src []byte) []error {
	fset := token.NewFileSet()
	var files []*ast.File
	var errs []error
	for _, name := range root.CompiledGoFiles {
		var content any
		if name == file {
			content = src
		}
		f, err := parser.ParseFile(fset, name, content, parser.SkipObjectResolution)
		if err != nil {
			return []error{err}
		}
		files = append(files, f)
	}
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if p := imported[path]; p != nil {
				return p, nil
			}
			return nil, fmt.Errorf("%s is not loaded", path)
		}),
		Error: func(err error) { errs = append(errs, err) },
	}
	conf.Check(root.PkgPath, fset, files, nil)
	return errs
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
