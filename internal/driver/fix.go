package driver

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/internal/srcmap"
)

// An edit replaces the bytes [start, end) of a file by new.
type edit struct {
	start, end int
	new        string
}

// overlaps reports whether applying both a and b is ambiguous: their
// replaced ranges intersect, or one inserts strictly inside the range the
// other replaces. Insertions at the same offset do not overlap; they are
// applied in the order their fixes were accepted.
func (a edit) overlaps(b edit) bool {
	if a.start == a.end || b.start == b.end {
		return a.start < b.start && b.start < a.end || b.start < a.start && a.start < b.end
	}
	return a.start < b.end && b.start < a.end
}

// A fileFix is what one suggested fix does to one file.
type fileFix struct {
	name  string
	edits []edit
}

// fixStatus is the state of fixing the files of a run.
type fixStatus struct {
	dir      string            // for relative paths in messages
	accepted map[string][]edit // file name -> accepted edits, in order
	skipped  map[string]bool   // files already reported as not fixable
	sums     map[string][sha256.Size]byte
	problems []error
}

// ApplyFixes applies the first suggested fix of every diagnostic in diags.
// Identical fixes (from test variants) and identical edits (such as the
// same import added by two fixes) are applied once; a fix that overlaps one
// already accepted is skipped and reported. Fixes to generated files, to
// files of packages with errors, or that would leave a file unparseable are
// not applied, nor are those to a file that no longer holds the bytes
// that were analysed. The edits to a file cgo generated are made to its
// source file; a fix none of whose edits fall where cgo rewrote the code
// (the lines that use C) is applied there, the others are skipped and
// reported. Only the edited lines change: they are laid out as
// gofmt would lay them out, and keep the file's CRLF line ends (see
// applyEdits).
//
// If diff is nil, the files are written; otherwise nothing is written and
// a unified diff of the changes is printed to diff. dir is the directory
// that paths in messages and diffs are relative to. The returned errors
// say which fixes or files could not be applied.
func (r *Result) ApplyFixes(diags []Diagnostic, diff io.Writer, dir string) []error {
	st := &fixStatus{
		dir:      dir,
		accepted: make(map[string][]edit),
		skipped:  make(map[string]bool),
		sums:     r.sums,
	}
	generated := r.generated
	seen := make(map[string]bool)
	for _, d := range diags {
		if len(d.SuggestedFixes) == 0 {
			continue
		}
		fix := d.SuggestedFixes[0]
		ffs, ok := fileFixes(d.mapper(), fix)
		if !ok {
			st.problems = append(st.problems, fmt.Errorf("%s: skipped fix %q (%s): it edits code that cgo rewrote, so its place in the source file is not known; fix it by hand",
				shownPosition(RelPath(dir, d.Posn.Filename), d.Posn), fix.Message, d.Analyzer))
			continue
		}
		k := fixKey(ffs)
		if seen[k] {
			continue
		}
		seen[k] = true
		if st.excluded(ffs, r.brokenFiles, generated) {
			continue
		}
		if !st.accept(ffs) {
			st.problems = append(st.problems, fmt.Errorf("%s: skipped fix %q (%s): it conflicts with another fix; run resplint -fix again to apply it",
				shownPosition(RelPath(dir, d.Posn.Filename), d.Posn), fix.Message, d.Analyzer))
		}
	}

	names := make([]string, 0, len(st.accepted))
	for name := range st.accepted {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := st.apply(name, diff); err != nil {
			st.problems = append(st.problems, err)
		}
	}
	return st.problems
}

// fileFixes groups the edits of fix by the file they change (see
// srcmap.Mapper.Edit), in file name order. It returns false if an edit
// cannot be placed.
func fileFixes(srcs *srcmap.Mapper, fix analysis.SuggestedFix) ([]fileFix, bool) {
	var ffs []fileFix
	for _, te := range fix.TextEdits {
		name, start, end, ok := srcs.Edit(te.Pos, te.End)
		if !ok {
			return nil, false
		}
		i := slices.IndexFunc(ffs, func(ff fileFix) bool { return ff.name == name })
		if i < 0 {
			i = len(ffs)
			ffs = append(ffs, fileFix{name: name})
		}
		ffs[i].edits = append(ffs[i].edits, edit{start, end, string(te.NewText)})
	}
	slices.SortFunc(ffs, func(a, b fileFix) int { return cmp.Compare(a.name, b.name) })
	return ffs, true
}

// fixKey returns a string that is the same for fixes that make the same
// edits.
func fixKey(ffs []fileFix) string {
	var sb strings.Builder
	for _, ff := range ffs {
		fmt.Fprintf(&sb, "%q", ff.name)
		for _, e := range ff.edits {
			fmt.Fprintf(&sb, " %d %d %q", e.start, e.end, e.new)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

// excluded reports whether the fix touches a file that must not be
// changed, and reports each such file once.
func (st *fixStatus) excluded(ffs []fileFix, broken map[string]string, generated map[string]bool) bool {
	for _, ff := range ffs {
		name := ff.name
		var why string
		if pkg, ok := broken[name]; ok {
			why = "package " + pkg + " has errors"
		} else if generated[name] {
			why = "it is generated"
		} else {
			continue
		}
		if !st.skipped[name] {
			st.skipped[name] = true
			st.problems = append(st.problems, fmt.Errorf("not fixing %s: %s", RelPath(st.dir, name), why))
		}
		return true
	}
	return false
}

// accept adds the edits of a fix to the accepted ones unless one of them
// overlaps an accepted edit. Edits identical to accepted ones are dropped.
func (st *fixStatus) accept(ffs []fileFix) bool {
	var add [][]edit
	for _, ff := range ffs {
		prev := st.accepted[ff.name]
		var fresh []edit
		for _, e := range ff.edits {
			if slices.Contains(prev, e) {
				continue
			}
			if slices.ContainsFunc(prev, e.overlaps) {
				return false
			}
			fresh = append(fresh, e)
		}
		add = append(add, fresh)
	}
	for i, ff := range ffs {
		name := ff.name
		st.accepted[name] = append(st.accepted[name], add[i]...)
	}
	return true
}

// apply applies the accepted edits to the named file, then writes the file
// or prints its diff.
func (st *fixStatus) apply(name string, diff io.Writer) error {
	rel := RelPath(st.dir, name)
	old, err := os.ReadFile(name)
	if err != nil {
		return fmt.Errorf("not fixing %s: %v", rel, err)
	}
	// The edits' offsets are into the bytes analysed: in any other
	// content, even of the same size, they would land in the wrong place.
	if sum, ok := st.sums[name]; !ok || sha256.Sum256(old) != sum {
		return fmt.Errorf("not fixing %s: it changed since it was analysed", rel)
	}
	isGo := strings.HasSuffix(name, ".go")
	if isGo {
		if _, err := parser.ParseFile(token.NewFileSet(), name, old, parser.SkipObjectResolution); err != nil {
			return fmt.Errorf("not fixing %s: it does not parse: %v", rel, err)
		}
	}

	edits := st.accepted[name]
	slices.SortStableFunc(edits, func(a, b edit) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
	})
	fixed, err := applyEdits(old, edits, isGo)
	if err != nil {
		return fmt.Errorf("not fixing %s: the fixes would make it unparseable: %v", rel, err)
	}
	if string(fixed) == string(old) {
		return nil
	}
	if diff != nil {
		_, err := io.WriteString(diff, unifiedDiff("a/"+rel, "b/"+rel, string(old), string(fixed)))
		return err
	}
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	return os.WriteFile(name, fixed, info.Mode().Perm())
}
