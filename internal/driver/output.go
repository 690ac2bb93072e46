package driver

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// A Diagnostic is a diagnostic of a root action, with its analyzer and
// position resolved.
type Diagnostic struct {
	analysis.Diagnostic
	Analyzer string
	Posn     token.Position
	Fset     *token.FileSet
}

// Diagnostics returns the diagnostics of the analysed packages, sorted by
// position, without duplicates (a file analysed in more than one package
// reports the same diagnostic more than once).
func (r *Result) Diagnostics() []Diagnostic {
	roots := r.roots()
	n := 0
	for _, a := range roots {
		for _, ds := range a.out.Diagnostics {
			n += len(ds)
		}
	}
	// Sorted first, then rid of duplicates, which the stable sort leaves
	// next to each other in the order they came: no set of keys, and one
	// slice of the right size (a run with thousands of findings made the
	// heap grow by megabytes here, at the end, where its peak is).
	diags := make([]Diagnostic, 0, n)
	for _, a := range roots {
		for _, an := range r.plan.All() {
			for _, d := range a.out.Diagnostics[an] {
				diags = append(diags, Diagnostic{Diagnostic: d, Analyzer: an.Name, Posn: r.fset.Position(d.Pos), Fset: r.fset})
			}
		}
	}
	slices.SortStableFunc(diags, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Posn.Filename, b.Posn.Filename),
			cmp.Compare(a.Posn.Offset, b.Posn.Offset),
			cmp.Compare(a.Analyzer, b.Analyzer),
		)
	})
	out := diags[:0]
	group := 0 // where the diagnostics of out's last file, offset and analyzer start
	for _, d := range diags {
		if len(out) > 0 {
			if last := out[len(out)-1]; last.Posn.Filename != d.Posn.Filename || last.Posn.Offset != d.Posn.Offset || last.Analyzer != d.Analyzer {
				group = len(out)
			}
		}
		if !slices.ContainsFunc(out[group:], func(e Diagnostic) bool { return sameDiagnostic(e, d) }) {
			out = append(out, d)
		}
	}
	return out
}

// sameDiagnostic reports whether a and b, of the same analyzer, are one
// diagnostic reported twice.
func sameDiagnostic(a, b Diagnostic) bool {
	return a.Posn == b.Posn && a.Category == b.Category && a.Message == b.Message && a.Fset.Position(a.End) == b.Fset.Position(b.End)
}

// roots returns the analyses of the packages analysed as roots, by ID.
func (r *Result) roots() []pkgAnalysis {
	var list []pkgAnalysis
	for _, a := range r.analyses {
		if a.out.AsRoot {
			list = append(list, a)
		}
	}
	slices.SortFunc(list, func(a, b pkgAnalysis) int { return strings.Compare(a.pkg.ID, b.pkg.ID) })
	return list
}

// WriteText writes one line per diagnostic:
//
//	path:line:col: message (analyzer/category)
//
// with "(analyzer)" when the diagnostic has no category, and the path
// relative to dir when the file is below dir.
func WriteText(w io.Writer, diags []Diagnostic, dir string) error {
	bw := bufio.NewWriterSize(w, 64<<10) // not the whole text at once: it can be megabytes
	for _, d := range diags {
		rule := d.Analyzer
		if d.Category != "" {
			rule += "/" + d.Category
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s (%s)\n", RelPath(dir, d.Posn.Filename), d.Posn.Line, d.Posn.Column, d.Message, rule)
	}
	return bw.Flush()
}

// WriteJSON writes the results in the JSON form of go vet -json: an object
// mapping package ID to analyzer name to either a list of diagnostics (of
// the packages asked for) or an error (of any package analysed).
func (r *Result) WriteJSON(w io.Writer) error {
	tree := make(map[string]map[string]any)
	add := func(id, analyzer string, v any) {
		if tree[id] == nil {
			tree[id] = make(map[string]any)
		}
		tree[id][analyzer] = v
	}
	for _, a := range r.analyses {
		for an, d := range a.out.Diagnostics {
			add(a.pkg.ID, an.Name, jsonDiagnostics(r.fset, d))
		}
	}
	for _, a := range r.analyses {
		for an, f := range a.out.Failed {
			add(a.pkg.ID, an.Name, jsonError{f.Err.Error()})
		}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// RelPath returns filename relative to dir if it is below dir, and
// filename otherwise.
func RelPath(dir, filename string) string {
	if dir == "" || !filepath.IsAbs(filename) {
		return filename
	}
	rel, err := filepath.Rel(dir, filename)
	if err != nil || !filepath.IsLocal(rel) {
		return filename
	}
	return rel
}

// maxErrors is how many errors of a broken package are shown.
const maxErrors = 10

// Message describes why the package was not analysed, naming the package
// and its first few errors, with paths relative to dir.
func (b *Broken) Message(dir string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "package %s", b.name())
	if b.ImportedBy != "" {
		fmt.Fprintf(&sb, " (imported by %s)", b.ImportedBy)
	}
	if len(b.Errors) == 0 {
		if b.Dep == "" {
			sb.WriteString(": not analysed: it or a dependency has errors")
		} else {
			fmt.Fprintf(&sb, ": not analysed: dependency %s has errors", b.Dep)
		}
		return sb.String()
	}
	fmt.Fprintf(&sb, ": %s:", countErrors(b.Errors))
	for i, e := range b.Errors {
		if i == maxErrors {
			fmt.Fprintf(&sb, "\n\t... and %d more", len(b.Errors)-maxErrors)
			break
		}
		sb.WriteString("\n\t")
		if e.Pos != "" && e.Pos != "-" {
			sb.WriteString(relPos(dir, e.Pos) + ": ")
		}
		sb.WriteString(strings.ReplaceAll(e.Msg, "\n", "\n\t"))
	}
	return sb.String()
}

// countErrors returns "1 type error", "3 errors" and the like.
func countErrors(errs []packages.Error) string {
	kind := "type error"
	for _, e := range errs {
		if e.Kind != packages.TypeError {
			kind = "error"
		}
	}
	if len(errs) != 1 {
		kind += "s"
	}
	return fmt.Sprintf("%d %s", len(errs), kind)
}

var posSuffix = regexp.MustCompile(`^(.*?)((?::\d+){1,2})$`)

// relPos applies RelPath to the file name of a "file:line:col" position.
func relPos(dir, pos string) string {
	m := posSuffix.FindStringSubmatch(pos)
	if m == nil {
		return RelPath(dir, pos)
	}
	return RelPath(dir, m[1]) + m[2]
}
