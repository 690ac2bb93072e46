// Package srcmap maps positions in the Go files a package was compiled
// from to the files its author edits.
//
// A file with //line directives is analysed and edited as it is: its
// positions follow the directives when they are shown, but edits are
// made at its own offsets. The files cgo generates for a package that
// imports "C" (in the build cache, listed as the package's compiled Go
// files) carry //line directives back to the author's file; an edit to
// one is moved to that file, where it applies only if the text around it
// is the same in both, since cgo rewrites the lines that use C.
package srcmap

import (
	"bytes"
	"go/token"
)

// A Mapper maps positions of the files of a FileSet.
type Mapper struct {
	fset *token.FileSet

	// generated holds the files generated from others, by name, with
	// the set of files their //line directives may name: those of the
	// same package.
	generated map[string]map[string]bool

	content func(name string) ([]byte, error)
	cache   map[string][]byte // nil for a file that cannot be read
}

// New returns a Mapper of the positions of fset, which reads files with
// content (the content analysed, for a file that was).
func New(fset *token.FileSet, content func(name string) ([]byte, error)) *Mapper {
	return &Mapper{fset: fset, generated: make(map[string]map[string]bool), content: content, cache: make(map[string][]byte)}
}

// AddPackage records the files of a package: goFiles are its source
// files, and compiled those it was compiled from. A compiled file that is
// not a source file was generated (by cgo) from them.
func (m *Mapper) AddPackage(goFiles, compiled []string) {
	var sources map[string]bool
	for _, name := range compiled {
		if contains(goFiles, name) {
			continue
		}
		if sources == nil {
			sources = make(map[string]bool, len(goFiles))
			for _, s := range goFiles {
				sources[s] = true
			}
		}
		m.generated[name] = sources
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Generated reports whether the named file was generated from the
// source files of its package.
func (m *Mapper) Generated(name string) bool {
	_, ok := m.generated[name]
	return ok
}

// Position returns the position of pos as shown: where //line
// directives put it.
func (m *Mapper) Position(pos token.Pos) token.Position {
	return m.fset.Position(pos)
}

// Read returns the content of the named file as the Mapper read it, or
// nil if it cannot be read.
func (m *Mapper) Read(name string) []byte {
	c, ok := m.cache[name]
	if !ok {
		c, _ = m.content(name)
		m.cache[name] = c
	}
	return c
}

// Edit returns the file and the byte range [start, end) in it that the
// range [pos, end) of an edit replaces: the range itself, in the file
// that holds it, or for a file cgo generated, the same text in the
// source file. ok is false if pos is not in a file of the FileSet, or if
// the range cannot be placed exactly in the source file.
func (m *Mapper) Edit(pos, endPos token.Pos) (file string, start, end int, ok bool) {
	f := m.fset.File(pos)
	if f == nil {
		return "", 0, 0, false
	}
	start = f.Offset(pos)
	end = start
	if endPos.IsValid() && endPos >= pos && int(endPos) <= f.Base()+f.Size() {
		end = f.Offset(endPos)
	}
	sources, gen := m.generated[f.Name()]
	if !gen {
		return f.Name(), start, end, true
	}
	p, q := f.PositionFor(pos, true), f.PositionFor(f.Pos(end), true)
	if p.Filename != q.Filename || !sources[p.Filename] {
		return "", 0, 0, false
	}
	genText, src := m.Read(f.Name()), m.Read(p.Filename)
	if genText == nil || src == nil || end > len(genText) {
		return "", 0, 0, false
	}
	s, ok1 := mapPoint(genText, start, src, p.Line)
	e, ok2 := mapPoint(genText, end, src, q.Line)
	if !ok1 || !ok2 || e < s || !bytes.Equal(genText[start:end], src[s:e]) {
		return "", 0, 0, false
	}
	return p.Filename, s, e, true
}

// Span returns the file and byte range [start, end) where the range
// [pos, endPos) of a diagnostic is shown to the user: where Edit places
// it, or else, for a file cgo generated, in the source file its //line
// directives name, each end placed by the text around it (see mapPoint)
// or else at the line and column the directives give. ok is false if pos
// is not in a file of the FileSet, or is put in no source file of its
// package.
func (m *Mapper) Span(pos, endPos token.Pos) (file string, start, end int, ok bool) {
	if file, start, end, ok = m.Edit(pos, endPos); ok {
		return file, start, end, true
	}
	f := m.fset.File(pos)
	if f == nil {
		return "", 0, 0, false
	}
	p := f.PositionFor(pos, true)
	if !m.generated[f.Name()][p.Filename] {
		return "", 0, 0, false
	}
	gen, src := m.Read(f.Name()), m.Read(p.Filename)
	if gen == nil || src == nil {
		return "", 0, 0, false
	}
	if start, ok = place(gen, f.Offset(pos), src, p); !ok {
		return "", 0, 0, false
	}
	end = start
	if endPos.IsValid() && endPos > pos && int(endPos) <= f.Base()+f.Size() {
		q := f.PositionFor(endPos, true)
		if e, ok := place(gen, f.Offset(endPos), src, q); ok && q.Filename == p.Filename && e >= start {
			end = e
		}
	}
	return p.Filename, start, end, true
}

// place returns the offset in src of the point at offset off of gen,
// which //line directives put at p in src.
func place(gen []byte, off int, src []byte, p token.Position) (int, bool) {
	if off > len(gen) {
		return 0, false
	}
	if o, ok := mapPoint(gen, off, src, p.Line); ok {
		return o, true
	}
	s, e, ok := lineAt(src, p.Line)
	if !ok {
		return 0, false
	}
	return min(s+max(p.Column-1, 0), e), true // column 0 is unknown
}

// mapPoint returns the offset in src of the place at offset off of gen,
// which //line directives put on line (1-based) of src. It is found only
// if the text from the start of its line to it, or from it to the end of
// its line, is the same in both files.
func mapPoint(gen []byte, off int, src []byte, line int) (int, bool) {
	gs, ge := lineBounds(gen, off)
	ss, se, ok := lineAt(src, line)
	if !ok {
		return 0, false
	}
	before, after := gen[gs:off], gen[off:ge]
	switch {
	case bytes.HasPrefix(src[ss:se], before):
		return ss + len(before), true
	case bytes.HasSuffix(src[ss:se], after):
		return se - len(after), true
	}
	return 0, false
}

// lineBounds returns the bounds of the line holding offset off of text,
// without its line end.
func lineBounds(text []byte, off int) (start, end int) {
	start = bytes.LastIndexByte(text[:off], '\n') + 1
	end = off + lineLen(text[off:])
	return start, end
}

// lineAt returns the bounds of line n (1-based) of text, without its
// line end.
func lineAt(text []byte, n int) (start, end int, ok bool) {
	if n < 1 {
		return 0, 0, false
	}
	for ; n > 1; n-- {
		i := bytes.IndexByte(text[start:], '\n')
		if i < 0 {
			return 0, 0, false
		}
		start += i + 1
	}
	return start, start + lineLen(text[start:]), true
}

// lineLen returns the length of the first line of text, without its line
// end (LF or CRLF).
func lineLen(text []byte) int {
	i := bytes.IndexByte(text, '\n')
	if i < 0 {
		return len(text)
	}
	if i > 0 && text[i-1] == '\r' {
		i--
	}
	return i
}

// LineStart returns the offset of the start of line n (1-based) of text,
// or -1 if text has fewer lines.
func LineStart(text []byte, n int) int {
	s, _, ok := lineAt(text, n)
	if !ok {
		return -1
	}
	return s
}
