package edit

import (
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// DeleteImport returns the edit that removes the import of path from the
// file, or nil if the file does not import it by that path alone.
func (f *File) DeleteImport(path string) []analysis.TextEdit {
	for _, d := range f.Syntax.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, spec := range gd.Specs {
			is := spec.(*ast.ImportSpec)
			if p, err := strconv.Unquote(is.Path.Value); err != nil || p != path {
				continue
			}
			var n ast.Node = is
			if len(gd.Specs) == 1 {
				n = gd
			}
			tf := f.Fset.File(n.Pos())
			start, end := f.lineStart(n.Pos()), n.End()
			if line := tf.Line(n.End()); line < tf.LineCount() {
				end = tf.LineStart(line + 1)
			}
			if !blank(f.Src[f.offset(start):f.offset(n.Pos())]) {
				start = n.Pos() // something else on the line before it
			}
			return []analysis.TextEdit{{Pos: start, End: end}}
		}
	}
	return nil
}

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
