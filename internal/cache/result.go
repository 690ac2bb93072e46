package cache

import (
	"cmp"
	"go/token"
	"net/url"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/internal/srcmap"
)

// A Result is what a run found in the packages of its files.
type Result struct {
	// Diagnostics of the root analyzers on the packages analysed, sorted
	// by position, without duplicates.
	Diagnostics []Diagnostic

	// Files holds the Go files of the packages analysed, with the content
	// analysed. A file without diagnostics has none.
	Files map[string][]byte

	// Broken lists the packages of the files that were not analysed
	// because they or their dependencies have errors.
	Broken []*Broken

	// Failures lists the analyzers that failed on their own (not merely
	// because an analyzer they need failed).
	Failures []*Failure

	Stats Stats

	contents map[string][]byte // every workspace file read, as analysed
}

func newResult() *Result { return &Result{Files: make(map[string][]byte)} }

// Content returns the content of the named file as analysed: for a file
// of the workspace, the content the run read (the overlay's, if any),
// and for one of GOROOT or the module cache, the content on the disk.
func (r *Result) Content(name string) ([]byte, error) {
	if c, ok := r.Files[name]; ok {
		return c, nil
	}
	if c, ok := r.contents[name]; ok {
		return c, nil
	}
	return os.ReadFile(name)
}

// Broken describes a package that was not analysed.
type Broken struct {
	PkgPath string
	Errors  []packages.Error // its own errors
	Dep     string           // if it has none: a dependency that has
}

// A Diagnostic is an analysis.Diagnostic with its positions resolved to
// byte offsets.
type Diagnostic struct {
	Analyzer *analysis.Analyzer
	Category string
	Message  string
	URL      string // documentation of the diagnostic: its URL resolved against the analyzer's
	Range    Range
	Related  []Related
	Fixes    []Fix
}

// A Range is the byte range [Start, End) of File.
type Range struct {
	File       string
	Start, End int
}

// Related is a related position.
type Related struct {
	Range   Range
	Message string
}

// A Fix is a suggested fix.
type Fix struct {
	Message string
	Edits   []Edit
}

// An Edit replaces Range by NewText.
type Edit struct {
	Range   Range
	NewText []byte
}

// resolveRange resolves [pos, end); an invalid end means pos. It returns
// false if pos is invalid.
func resolveRange(fset *token.FileSet, pos, end token.Pos) (Range, bool) {
	f := fset.File(pos)
	if f == nil {
		return Range{}, false
	}
	rg := Range{File: f.Name(), Start: f.Offset(pos)}
	rg.End = rg.Start
	if end.IsValid() && end >= pos && int(end) <= f.Base()+f.Size() {
		rg.End = f.Offset(end)
	}
	return rg, true
}

// resolveDiagnostic resolves the positions of d, of a package whose files
// srcs maps: a range in a file cgo generated is moved to the source file
// the user edits (see srcmap.Mapper.Span), and a fix is dropped if one of
// its edits cannot be moved there exactly.
func resolveDiagnostic(fset *token.FileSet, srcs *srcmap.Mapper, a *analysis.Analyzer, d analysis.Diagnostic) Diagnostic {
	show := func(pos, end token.Pos) (Range, bool) {
		if name, s, e, ok := srcs.Span(pos, end); ok {
			return Range{name, s, e}, true
		}
		return resolveRange(fset, pos, end)
	}
	out := Diagnostic{Analyzer: a, Category: d.Category, Message: d.Message, URL: a.URL}
	out.Range, _ = show(d.Pos, d.End)
	if d.URL != "" {
		if base, err := url.Parse(a.URL); err == nil {
			if ref, err := url.Parse(d.URL); err == nil {
				out.URL = base.ResolveReference(ref).String()
			}
		}
	}
	for _, rel := range d.Related {
		if rg, ok := show(rel.Pos, rel.End); ok {
			out.Related = append(out.Related, Related{rg, rel.Message})
		}
	}
fixes:
	for _, fix := range d.SuggestedFixes {
		f := Fix{Message: fix.Message}
		for _, te := range fix.TextEdits {
			name, s, e, ok := srcs.Edit(te.Pos, te.End)
			if !ok {
				continue fixes // not a fix anyone can apply
			}
			f.Edits = append(f.Edits, Edit{Range{name, s, e}, te.NewText})
		}
		out.Fixes = append(out.Fixes, f)
	}
	return out
}

// collect gathers the results of the analysed roots.
func (r *run) collect(roots []*pkgEntry) {
	type key struct {
		rg                          Range
		analyzer, category, message string
	}
	seen := make(map[key]bool)
	for _, e := range roots {
		// The source files too: a file of a package that imports "C"
		// is compiled from the files cgo generates from it.
		for _, name := range slices.Concat(e.meta.GoFiles, e.meta.CompiledGoFiles) {
			if content, _, err := r.read(name); err == nil && content != nil {
				r.res.Files[name] = content
			}
		}
		for _, d := range e.analysis.diags {
			k := key{d.Range, d.Analyzer.Name, d.Category, d.Message}
			if !seen[k] {
				seen[k] = true
				r.res.Diagnostics = append(r.res.Diagnostics, d)
			}
		}
		for _, f := range r.failures(e) {
			if !f.Prerequisite {
				r.res.Failures = append(r.res.Failures, f)
			}
		}
	}
	slices.SortStableFunc(r.res.Diagnostics, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Range.File, b.Range.File),
			cmp.Compare(a.Range.Start, b.Range.Start),
			cmp.Compare(a.Analyzer.Name, b.Analyzer.Name),
		)
	})
	slices.SortFunc(r.res.Failures, func(a, b *Failure) int {
		return cmp.Or(cmp.Compare(a.Package, b.Package), cmp.Compare(a.Analyzer, b.Analyzer))
	})
}
