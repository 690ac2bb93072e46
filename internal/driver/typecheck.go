package driver

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/internal/pkgload"
)

// load lists the packages patterns denote, and their dependencies, and
// decides how each is to get its types (see analyse, which type-checks
// them). The packages asked for, and the dependencies for which source
// reports true, get syntax and types from source, like those of
// packages.LoadAllSyntax;
// so do the packages that import any of them, for a package's types must
// be built on those of its imports. Every other dependency gets its types
// from the compiler's export data, as go vet's do, if the go command has
// it in its build cache (see exportFiles); the others, and those whose
// export data cannot be had (they do not compile, and their errors are to
// be reported), are read from source too.
//
// With a cache, a third-party dependency whose facts (those of the
// analyzers of factful) are cached is read from export data instead of
// source.
//
// A dependency read from source only because its export data cannot be
// had (on a machine that never built the module, every dependency) is
// type-checked for its types alone: it keeps neither syntax nor type
// information, and is not analysed.
func load(patterns []string, cfg Config, source func(*packages.Package) bool, cache *factCache, factful []*analysis.Analyzer) (*loaded, error) {
	roots, err := packages.Load(&packages.Config{Mode: pkgload.MetaMode, Tests: cfg.Tests, BuildFlags: cfg.BuildFlags}, patterns...)
	if err == nil && !cfg.Tests && len(roots) > 1 {
		roots, err = dropTestOnly(roots, cfg)
	}
	if err != nil || len(roots) == 0 {
		return &loaded{roots: roots}, err
	}
	ld := &loaded{
		roots:      roots,
		fromSource: make(map[*packages.Package]bool),
		analysed:   make(map[*packages.Package]bool),
		cached:     make(map[*packages.Package]*cachedPackage),
		compiled:   make(map[*packages.Package]string),
	}
	var all []*packages.Package
	importers := make(map[*packages.Package][]*packages.Package)
	packages.Visit(roots, nil, func(p *packages.Package) {
		all = append(all, p)
		for _, q := range p.Imports {
			importers[q] = append(importers[q], p)
		}
	})
	var add func(p *packages.Package)
	add = func(p *packages.Package) {
		if ld.fromSource[p] {
			return
		}
		ld.fromSource[p] = true
		for _, q := range importers[p] {
			add(q)
		}
	}
	for _, p := range roots {
		add(p)
	}
	candidates := make(map[*packages.Package]bool) // whose facts the cache may hold
	for _, p := range all {
		switch {
		case !source(p):
		case cache != nil && cache.mayHold(p):
			candidates[p] = true
		default:
			add(p)
		}
	}

	// The export data of a dependency read from source that others
	// import is asked for too, for them (see compact); test variants
	// have none.
	asked := make(map[*packages.Package]bool)
	for _, p := range roots {
		asked[p] = true
	}
	compactable := func(p *packages.Package) bool {
		return p.ID == p.PkgPath && len(importers[p]) > 0 && !asked[p]
	}
	var exported []string
	for _, p := range all {
		if p.PkgPath != "unsafe" && (!ld.fromSource[p] || compactable(p)) {
			exported = append(exported, p.PkgPath)
		}
	}
	if len(exported) > 0 {
		files, err := exportFiles(exported, cfg)
		if err != nil {
			return nil, err
		}
		for _, p := range all {
			switch {
			case p.PkgPath == "unsafe":
			case ld.fromSource[p]:
				if f := files[p.PkgPath]; f != "" && compactable(p) {
					ld.compiled[p] = f
				}
			default:
				if p.ExportFile = files[p.PkgPath]; p.ExportFile == "" {
					add(p)
				}
			}
		}
	}

	if len(candidates) > 0 {
		keys := cache.keys(candidates)
		for p := range candidates {
			key, ok := keys[p]
			if !ok {
				add(p)
				continue
			}
			// One read from source anyway (it imports a package that
			// was not cached, met earlier) still has its facts kept.
			cp := &cachedPackage{cache: cache, key: key}
			if !ld.fromSource[p] {
				cp.entries = cache.read(factful, key)
			}
			ld.cached[p] = cp
			if !cp.isHit() {
				add(p)
			}
		}
		for p, cp := range ld.cached {
			if cp.isHit() && ld.fromSource[p] {
				cp.entries = nil // it imports a package that was not cached
			}
		}
	}

	for p := range ld.fromSource {
		if p.ExportFile != "" && compactable(p) { // a dependency whose facts were not cached
			ld.compiled[p] = p.ExportFile
		}
	}
	for _, p := range roots {
		ld.analysed[p] = true
	}
	for p := range ld.fromSource {
		if source(p) {
			ld.analysed[p] = true
		}
	}

	ld.all = all
	ld.importers = importers
	return ld, nil
}

// loaded is the outcome of load.
type loaded struct {
	roots      []*packages.Package // the packages asked for
	all        []*packages.Package // and their dependencies
	importers  map[*packages.Package][]*packages.Package
	fromSource map[*packages.Package]bool           // the packages type-checked from source
	analysed   map[*packages.Package]bool           // those of them that have syntax and type information
	cached     map[*packages.Package]*cachedPackage // the packages whose facts are, or will be, cached

	// compiled holds the export data file of each package read from
	// source that the build cache has up to date, for its importers.
	compiled map[*packages.Package]string
}

// A loader gives packages their types.
type loader struct {
	fset *token.FileSet

	mu   sync.Mutex                // guards view, sums, and the export-data packages' fields
	view map[string]*types.Package // every package read from export data so far, by path

	// sums holds the SHA-256 of each file parsed, as parsed: -fix writes
	// a file only if it still holds those bytes, as its fixes' offsets
	// are into them.
	sums map[string][sha256.Size]byte
}

// checkSource parses and type-checks p, whose imports have their types.
// A package that is not analysed is checked for its types alone. The
// large tables of a dependency (not asked for) are emptied first (see
// blankTables, emptyTables).
func (l *loader) checkSource(p *packages.Package, fromSource map[*packages.Package]bool, analysed, dependency bool) {
	p.Fset = l.fset
	mode := parser.AllErrors | parser.SkipObjectResolution
	if analysed {
		mode |= parser.ParseComments
	}
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err == nil {
			l.mu.Lock()
			l.sums[name] = sha256.Sum256(src)
			l.mu.Unlock()
			if dependency {
				blankTables(src)
			}
		} else {
			src = nil // the parser reports the error
		}
		f, err := parser.ParseFile(l.fset, name, src, mode)
		if f != nil {
			if dependency {
				emptyTables(f)
			}
			p.Syntax = append(p.Syntax, f)
		}
		p.Errors = append(p.Errors, pkgload.ParseErrors(err)...)
	}

	if analysed {
		p.TypesInfo = pkgload.NewInfo()
	}
	tc := &types.Config{
		Sizes: p.TypesSizes,
		Importer: pkgload.Importer(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			q := p.Imports[path]
			switch {
			case q == nil:
				return nil, fmt.Errorf("no metadata for %s", path)
			case fromSource[q]:
				return q.Types, nil
			}
			return l.exported(q)
		}),
		Error: func(err error) {
			if e, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, e)
			}
			p.Errors = append(p.Errors, pkgload.TypeError(err))
		},
		GoVersion: pkgload.GoVersion(p),
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	func() {
		defer func() {
			if v := recover(); v != nil { // a bug in go/types fails the package, not the run
				p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: fmt.Sprintf("internal error: type-checking panicked: %v", v), Kind: packages.UnknownError})
			}
		}()
		err := types.NewChecker(tc, l.fset, p.Types, p.TypesInfo).Files(p.Syntax)
		if err != nil && len(p.Errors) == 0 {
			// An error not reported through tc.Error, such as a Go
			// version the type checker does not know.
			p.Errors = append(p.Errors, pkgload.TypeError(err))
		}
	}()

	if !analysed {
		p.Syntax = nil
	}
	p.IllTyped = len(p.Errors) > 0
	for _, q := range p.Imports {
		if !p.IllTyped && q.PkgPath != "unsafe" {
			l.mu.Lock() // q may be an export-data package another goroutine is reading
			p.IllTyped = q.IllTyped
			l.mu.Unlock()
		}
	}
}

// exported returns the types of q, read from its export data.
func (l *loader) exported(q *packages.Package) (*types.Package, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if q.Types != nil && q.Types.Complete() {
		return q.Types, nil
	}
	if q.IllTyped {
		return nil, fmt.Errorf("cannot read export data of %s", q.PkgPath)
	}
	tpkg, err := l.readExport(q.PkgPath, q.ExportFile)
	if err != nil {
		q.IllTyped = true
		q.Errors = append(q.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		return nil, err
	}
	q.Types, q.Fset = tpkg, l.fset
	return tpkg, nil
}

// readExport reads the types of the package path from its export data
// file into the view; l.mu must be held.
func (l *loader) readExport(path, file string) (*types.Package, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// go list -export names compiler archives, whose __.PKGDEF member
	// NewReader finds; Read alone takes only cmd/export files.
	//lint:ignore SA1019 the archives go list gives need NewReader until Go 1.29 (go/packages reads them so too)
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %v", path, err)
	}
	if lr, ok := r.(*io.LimitedReader); ok {
		data := make([]byte, lr.N)
		if _, err := io.ReadFull(lr, data); err != nil {
			return nil, fmt.Errorf("reading export data of %s: %v", path, err)
		}
		if len(data) > 0 && data[0] == 'u' {
			data = slimExport(data)
		}
		r = &io.LimitedReader{R: bytes.NewReader(data), N: int64(len(data))}
	}
	return gcexportdata.Read(r, l.fset, l.view, path)
}
