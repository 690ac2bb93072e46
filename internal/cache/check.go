package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/internal/pkgload"
)

// A pkgEntry is one package type-checked from given contents of its files
// against given dependencies, and what the analyzers found in it. An
// entry never changes once its work is done: a change to the package or
// a dependency makes a new entry under another key.
type pkgEntry struct {
	key  string
	meta *packages.Package    // metadata from go list; no syntax or types
	deps map[string]*pkgEntry // by import path

	lastUsed int // the last run that used it

	// Set by typeCheck.
	fileKeys   []fileKey
	files      []*ast.File
	types      *types.Package
	info       *types.Info
	typeErrors []types.Error
	errors     []packages.Error // its own errors: go list, parse and type errors
	illTyped   bool             // it or a dependency has errors
	direct     map[*types.Package]bool
	closure    map[*types.Package]*pkgEntry // every dependency, direct or not

	// Set by analyse.
	analysis *analysisResult

	// slim is set when the syntax and type information of an immutable
	// dependency were dropped after its analysis, to save memory: its
	// types and facts are all its importers need.
	slim bool
}

// typeKey computes the key of the package of meta from its files and the
// keys of its dependencies, given in deps.
func (r *run) typeKey(meta *packages.Package, deps map[string]*pkgEntry) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", meta.ID, pkgload.GoVersion(meta))
	for _, e := range meta.Errors {
		fmt.Fprintf(h, "error %s %s\x00", e.Pos, e.Msg)
	}
	for _, name := range meta.CompiledGoFiles {
		_, hash, err := r.read(name)
		if err != nil {
			hash = "unreadable: " + err.Error()
		}
		fmt.Fprintf(h, "file %s %s\x00", name, hash)
	}
	for _, path := range slices.Sorted(maps.Keys(deps)) {
		fmt.Fprintf(h, "import %s %s\x00", path, deps[path].key)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// typeCheck parses and type-checks e's package, as go/packages does with
// LoadAllSyntax, against the types of its dependencies, which must be
// type-checked already. A package that is not to be analysed is checked
// for its types alone, and is slim from the start.
func (r *run) typeCheck(e *pkgEntry, analysable bool) {
	m := e.meta
	e.types = types.NewPackage(m.PkgPath, m.Name)
	defer func() {
		if v := recover(); v != nil { // a bug in go/types must not end the server
			e.errors = append(e.errors, packages.Error{Pos: "-", Msg: fmt.Sprintf("internal error: type-checking panicked: %v", v), Kind: packages.UnknownError})
			e.illTyped = true
		}
	}()
	e.errors = slices.Clone(m.Errors)
	e.direct = make(map[*types.Package]bool)
	e.closure = make(map[*types.Package]*pkgEntry)
	for _, d := range e.deps {
		e.illTyped = e.illTyped || d.illTyped
		e.direct[d.types] = true
		e.closure[d.types] = d
		for t, dd := range d.closure {
			e.closure[t] = dd
		}
	}
	if analysable {
		e.info = pkgload.NewInfo()
	}
	if m.PkgPath == "unsafe" {
		e.types = types.Unsafe
		return
	}
	for _, name := range m.CompiledGoFiles {
		p, key, err := r.parse(name)
		if err != nil {
			e.errors = append(e.errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		e.fileKeys = append(e.fileKeys, key)
		e.errors = append(e.errors, pkgload.ParseErrors(p.err)...)
		if p.file != nil {
			e.files = append(e.files, p.file)
		}
	}

	conf := &types.Config{
		Importer: pkgload.Importer(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if d := e.deps[path]; d != nil {
				return d.types, nil
			}
			return nil, fmt.Errorf("no metadata for %s", path)
		}),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				e.typeErrors = append(e.typeErrors, te)
			}
			e.errors = append(e.errors, pkgload.TypeError(err))
		},
		Sizes:     m.TypesSizes,
		GoVersion: pkgload.GoVersion(m),
	}
	_ = types.NewChecker(conf, r.c.fset, e.types, e.info).Files(e.files) // errors are in e.errors
	e.illTyped = e.illTyped || len(e.errors) > 0
	if !analysable {
		e.slim, e.files, e.typeErrors, e.fileKeys = true, nil, nil, nil
	}
}
