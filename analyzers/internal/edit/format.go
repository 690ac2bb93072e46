package edit

import (
	"go/ast"
	"go/format"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Reformat returns edits with those inside stmt merged into one edit of
// the whole statement, formatted as gofmt formats it: the spacing of an
// expression depends on where it stands (a + b, but f(a+b, c)), so text
// built for a fix is formatted in place. The edits are returned unchanged
// if the result does not parse.
func (f *File) Reformat(stmt ast.Stmt, edits []analysis.TextEdit) []analysis.TextEdit {
	var in, out []analysis.TextEdit
	for _, e := range edits {
		if stmt.Pos() <= e.Pos && e.End <= stmt.End() {
			in = append(in, e)
		} else {
			out = append(out, e)
		}
	}
	if len(in) == 0 {
		return edits
	}
	slices.SortStableFunc(in, func(a, b analysis.TextEdit) int { return int(a.Pos - b.Pos) })
	var b strings.Builder
	last := stmt.Pos()
	for _, e := range in {
		if e.Pos < last {
			return edits // overlapping edits
		}
		b.Write(f.Src[f.offset(last):f.offset(e.Pos)])
		b.Write(e.NewText)
		last = e.End
	}
	b.Write(f.Src[f.offset(last):f.offset(stmt.End())])

	const head, tail = "package p\n\nfunc _() {\n", "\n}\n"
	src, err := format.Source([]byte(head + b.String() + tail))
	if err != nil {
		return edits
	}
	body := strings.TrimSuffix(strings.TrimPrefix(string(src), head), tail)
	lines := strings.Split(body, "\n")
	indent := f.Indent(stmt.Pos())
	for i, l := range lines {
		l = strings.TrimPrefix(l, "\t")
		if i > 0 && l != "" {
			l = indent + l
		}
		lines[i] = l
	}
	return append(out, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(strings.Join(lines, "\n"))})
}
