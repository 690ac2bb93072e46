// Package edit builds the text edits of resplint's suggested fixes.
package edit

import (
	"bytes"
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// File is one source file of the package being fixed.
type File struct {
	Fset   *token.FileSet
	Syntax *ast.File
	Src    []byte
}

// Sources reads the files of a package for fixes, each once however many
// fixes edit it. It is safe for concurrent use.
type Sources struct {
	fset   *token.FileSet
	syntax []*ast.File
	read   func(string) ([]byte, error)

	mu    sync.Mutex
	files map[*ast.File]*File // nil for a file that could not be read
}

// NewSources returns the Sources of the package of pass.
func NewSources(pass *analysis.Pass) *Sources {
	return &Sources{fset: pass.Fset, syntax: pass.Files, read: pass.ReadFile, files: make(map[*ast.File]*File)}
}

// ForPos returns the file that contains pos, or nil if it cannot be read.
func (s *Sources) ForPos(pos token.Pos) *File {
	for _, f := range s.syntax {
		if f.FileStart <= pos && pos <= f.FileEnd {
			s.mu.Lock()
			defer s.mu.Unlock()
			file, ok := s.files[f]
			if !ok {
				if src, err := s.read(s.fset.File(pos).Name()); err == nil {
					file = &File{Fset: s.fset, Syntax: f, Src: src}
				}
				s.files[f] = file
			}
			return file
		}
	}
	return nil
}

func (f *File) offset(pos token.Pos) int { return f.Fset.File(pos).Offset(pos) }

// lineStart returns the position of the start of pos's line.
func (f *File) lineStart(pos token.Pos) token.Pos {
	tf := f.Fset.File(pos)
	return tf.LineStart(tf.Line(pos))
}

// Indent returns the leading white space of pos's line.
func (f *File) Indent(pos token.Pos) string {
	start := f.offset(f.lineStart(pos))
	end := start
	for end < len(f.Src) && (f.Src[end] == ' ' || f.Src[end] == '\t') {
		end++
	}
	return string(f.Src[start:end])
}

// Replace replaces the text of n.
func Replace(n ast.Node, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte(text)}
}

// AddField adds "key: value" as the last element of a keyed composite
// literal, on a line of its own when the literal spans several lines.
func (f *File) AddField(lit *ast.CompositeLit, field string) analysis.TextEdit {
	tf := f.Fset.File(lit.Pos())
	if len(lit.Elts) == 0 || tf.Line(lit.Elts[len(lit.Elts)-1].End()) == tf.Line(lit.Rbrace) {
		if len(lit.Elts) == 0 {
			return analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(field)}
		}
		last := lit.Elts[len(lit.Elts)-1].End()
		return analysis.TextEdit{Pos: last, End: last, NewText: []byte(", " + field)}
	}
	at := f.lineStart(lit.Rbrace)
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte(f.Indent(lit.Rbrace) + "\t" + field + ",\n")}
}

// InsertBefore inserts a statement on its own line before stmt.
func (f *File) InsertBefore(stmt ast.Node, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text + "\n" + f.Indent(stmt.Pos()))}
}

// InsertAfter inserts a statement on its own line after the line where
// stmt ends, so that a trailing comment stays with stmt.
func (f *File) InsertAfter(stmt ast.Node, text string) analysis.TextEdit {
	tf := f.Fset.File(stmt.End())
	line := tf.Line(stmt.End())
	if line == tf.LineCount() {
		return analysis.TextEdit{Pos: stmt.End(), End: stmt.End(), NewText: []byte("\n" + f.Indent(stmt.Pos()) + text)}
	}
	at := tf.LineStart(line + 1)
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte(f.Indent(stmt.Pos()) + text + "\n")}
}

// AppendToString inserts text at the end of a string literal's contents.
func AppendToString(lit *ast.BasicLit, text string) analysis.TextEdit {
	end := lit.End() - 1 // before the closing quote
	if lit.Value[0] == '"' {
		text = strconv.Quote(text)
		text = text[1 : len(text)-1]
	}
	return analysis.TextEdit{Pos: end, End: end, NewText: []byte(text)}
}

// Text returns the source text of n.
func (f *File) Text(n ast.Node) string {
	return string(f.Src[f.offset(n.Pos()):f.offset(n.End())])
}

// Import returns the name under which the file refers to the package with
// the given import path, and the edit that imports it if it does not yet.
func (f *File) Import(path, name string) (string, []analysis.TextEdit) {
	for _, imp := range f.Syntax.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == path {
			if imp.Name != nil {
				if imp.Name.Name == "_" || imp.Name.Name == "." {
					continue
				}
				return imp.Name.Name, nil
			}
			return name, nil
		}
	}
	spec := strconv.Quote(path)
	for _, d := range f.Syntax.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Lparen.IsValid() {
			return name, []analysis.TextEdit{f.importAt(gd, path, spec, nil)}
		}
	}
	at := f.Syntax.Name.End()
	var b bytes.Buffer
	b.WriteString("\n\nimport " + spec)
	return name, []analysis.TextEdit{{Pos: at, End: at, NewText: b.Bytes()}}
}

// importAt returns the edit that adds spec to the parenthesized import
// declaration gd where gofmt's sorting keeps it: before the first import
// that sorts after it among those of its kind (standard library or not),
// else after the last import of its kind, else in a group of its own.
// An import being removed (skip) is ignored.
func (f *File) importAt(gd *ast.GenDecl, path, spec string, skip *ast.ImportSpec) analysis.TextEdit {
	std := isStd(path)
	var last *ast.ImportSpec
	specs := slices.DeleteFunc(slices.Clone(gd.Specs), func(s ast.Spec) bool { return s == skip })
	for _, s := range specs {
		is := s.(*ast.ImportSpec)
		p, err := strconv.Unquote(is.Path.Value)
		if err != nil || isStd(p) != std {
			continue
		}
		if p > path {
			at := f.lineStart(is.Pos())
			return analysis.TextEdit{Pos: at, End: at, NewText: []byte(f.Indent(is.Pos()) + spec + "\n")}
		}
		last = is
	}
	switch {
	case last != nil:
		return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\n" + f.Indent(last.Pos()) + spec)}
	case len(specs) == 0:
		return analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + spec)}
	case std:
		// A group of its own before the others.
		return analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + spec + "\n")}
	}
	// A group of its own after the standard library.
	end := specs[len(specs)-1].End()
	return analysis.TextEdit{Pos: end, End: end, NewText: []byte("\n\n\t" + spec)}
}

// isStd reports whether an import path is of the standard library: its
// first element has no dot.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
