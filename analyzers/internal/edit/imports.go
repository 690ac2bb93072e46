package edit

import (
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// ImportInstead is Import for path, removing the import of old, whose
// last use the caller's edits remove.
func (f *File) ImportInstead(old, path, name string) (string, []analysis.TextEdit) {
	name, edits := f.Import(path, name)
	gd, is := f.findImport(old)
	switch {
	case gd == nil:
		return name, edits
	case edits == nil: // already imported
		return name, f.deleteImport(gd, is)
	case len(gd.Specs) == 1:
		return name, []analysis.TextEdit{Replace(is, strconv.Quote(path))}
	}
	return name, append(f.deleteImport(gd, is), f.importAt(gd, path, strconv.Quote(path), is))
}

// findImport returns the import of path and its declaration.
func (f *File) findImport(path string) (*ast.GenDecl, *ast.ImportSpec) {
	for _, d := range f.Syntax.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, spec := range gd.Specs {
			is := spec.(*ast.ImportSpec)
			if p, err := strconv.Unquote(is.Path.Value); err == nil && p == path {
				return gd, is
			}
		}
	}
	return nil, nil
}

// deleteImport returns the edit that removes the import is of gd, with
// its line.
func (f *File) deleteImport(gd *ast.GenDecl, is *ast.ImportSpec) []analysis.TextEdit {
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

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
