package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Position encodings: what LSP's Position.character counts.
const (
	encodingUTF8  = "utf-8"
	encodingUTF16 = "utf-16" // the default, which every client supports
	encodingUTF32 = "utf-32"
)

// chooseEncoding picks the encoding of positions from those the client
// offers: UTF-16 unless the client offers only others.
func chooseEncoding(offered []string) string {
	if len(offered) == 0 {
		return encodingUTF16
	}
	for _, e := range []string{encodingUTF16, encodingUTF8, encodingUTF32} {
		for _, o := range offered {
			if o == e {
				return e
			}
		}
	}
	return encodingUTF16
}

// A mapper converts between byte offsets in a text and LSP positions.
type mapper struct {
	text     []byte
	lines    []int // offset of the start of each line
	encoding string
}

func newMapper(text []byte, encoding string) *mapper {
	m := &mapper{text: text, lines: []int{0}, encoding: encoding}
	for i, b := range text {
		if b == '\n' {
			m.lines = append(m.lines, i+1)
		}
	}
	return m
}

// units returns the length of s in the units of the encoding.
func (m *mapper) units(s []byte) int {
	switch m.encoding {
	case encodingUTF8:
		return len(s)
	case encodingUTF32:
		return utf8.RuneCount(s)
	}
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		if r >= 0x10000 {
			n += 2 // a surrogate pair
		} else {
			n++
		}
		s = s[size:]
	}
	return n
}

// position returns the position of the byte offset, which is clamped to
// the text; an offset inside a character counts as its start.
func (m *mapper) position(offset int) position {
	offset = max(0, min(offset, len(m.text)))
	// The last line starting at or before offset.
	lo, hi := 0, len(m.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if m.lines[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	line := lo
	start := m.lines[line]
	for offset > start && offset < len(m.text) && !utf8.RuneStart(m.text[offset]) {
		offset--
	}
	return position{Line: uint32(line), Character: uint32(m.units(m.text[start:offset]))}
}

func (m *mapper) rangeOf(start, end int) protocolRange {
	return protocolRange{m.position(start), m.position(end)}
}

// offset returns the byte offset of pos. A character past the end of its
// line means the end of the line, as the specification says, and a line
// past the end of the text the end of the text.
func (m *mapper) offset(pos position) int {
	if int(pos.Line) >= len(m.lines) {
		return len(m.text)
	}
	start := m.lines[int(pos.Line)]
	end := len(m.text)
	if int(pos.Line)+1 < len(m.lines) {
		end = m.lines[int(pos.Line)+1] - 1 // the newline
		if end > start && m.text[end-1] == '\r' {
			end--
		}
	}
	offset := start
	for n := 0; offset < end; {
		_, size := utf8.DecodeRune(m.text[offset:end])
		n += m.units(m.text[offset : offset+size])
		if n > int(pos.Character) {
			break
		}
		offset += size
	}
	return offset
}

// uriToPath returns the file name of a file URI.
func uriToPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", err
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("%s is not a file URI", uri)
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // /C:/dir on Windows
		p = p[1:]
	}
	return filepath.Clean(filepath.FromSlash(p)), nil
}

// pathToURI returns the file URI of an absolute file name.
func pathToURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/dir on Windows
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
