// Package pkgload holds what resplint's two loaders, the standalone
// driver's (internal/driver) and the language server's incremental one
// (internal/cache), share: both take the import graph and file lists from
// go list and parse and type-check packages themselves, as go/packages
// does with LoadAllSyntax.
package pkgload

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/types"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// MetaMode is what go list is asked for: the import graph, files and
// modules, no syntax and no types.
const MetaMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// NewInfo returns a types.Info that records everything analyzers use.
func NewInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

// GoVersion returns the language version of the package's module for
// types.Config, or "" if it has none.
func GoVersion(meta *packages.Package) string {
	if meta.Module != nil && meta.Module.GoVersion != "" {
		return "go" + meta.Module.GoVersion
	}
	return ""
}

// ParseErrors turns a parser error into package errors.
func ParseErrors(err error) []packages.Error {
	if err == nil {
		return nil
	}
	var list scanner.ErrorList
	if !errors.As(err, &list) {
		return []packages.Error{{Pos: "-", Msg: err.Error(), Kind: packages.ParseError}}
	}
	errs := make([]packages.Error, len(list))
	for i, e := range list {
		errs[i] = packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError}
	}
	return errs
}

// TypeError turns an error the type checker reports into a package error.
func TypeError(err error) packages.Error {
	if te, ok := err.(types.Error); ok {
		return packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError}
	}
	return packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError}
}

// An Importer is a types.Importer made of a function.
type Importer func(path string) (*types.Package, error)

func (f Importer) Import(path string) (*types.Package, error) { return f(path) }

// Immutable holds the directories whose files are never edited: GOROOT,
// the module cache and the build cache.
type Immutable struct {
	dirs []string // each with a trailing separator
}

// ImmutableDirs asks the go command, run in dir with env (nil: this
// process's), where GOROOT, the module cache and the build cache are.
func ImmutableDirs(dir string, env []string) (*Immutable, error) {
	cmd := exec.Command("go", "env", "-json", "GOROOT", "GOMODCACHE", "GOCACHE")
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	var vars map[string]string
	if err := json.Unmarshal(out, &vars); err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	im := &Immutable{}
	for _, v := range vars {
		if v != "" && v != "off" {
			im.dirs = append(im.dirs, filepath.Clean(v)+string(filepath.Separator))
		}
	}
	return im, nil
}

// Contains reports whether the file name is in one of the directories.
func (im *Immutable) Contains(name string) bool {
	for _, dir := range im.dirs {
		if strings.HasPrefix(name, dir) {
			return true
		}
	}
	return false
}
