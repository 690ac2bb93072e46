package driver

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"sort"
	"strings"
)

// applyEdits applies edits, sorted by offset, to src. A fix changes only
// the lines it edits: when the file's lines end in CRLF, so do the lines
// the edits insert; and in a Go file, the edited lines are laid out as
// gofmt lays them out in the fixed file, while every other line, however
// it is formatted, is kept byte for byte.
func applyEdits(src []byte, edits []edit, isGo bool) ([]byte, error) {
	crlf := usesCRLF(src)
	var buf bytes.Buffer
	type span struct {
		start, end int  // of the edit's text in the result
		wholeLines bool // the text after it started a line in src too
	}
	spans := make([]span, 0, len(edits))
	last := 0
	for _, e := range edits {
		buf.Write(src[last:e.start])
		text := e.new
		if crlf {
			text = toCRLF(text)
		}
		start := buf.Len()
		buf.WriteString(text)
		spans = append(spans, span{start, buf.Len(), e.end == 0 || src[e.end-1] == '\n'})
		last = e.end
	}
	buf.Write(src[last:])
	fixed := buf.Bytes()
	if !isGo {
		return fixed, nil
	}

	// The lines an edit touches: from the one it starts on to the one
	// its text ends on, and the rest of that line, which was part of the
	// edited line in src unless that rest started a line there too.
	starts := lineStarts(fixed)
	lineOf := func(off int) int {
		return sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	}
	touched := make(map[int]bool)
	for _, s := range spans {
		first, end := lineOf(s.start), lineOf(s.end)
		if s.end > s.start && s.end < len(fixed) && starts[end] == s.end && s.wholeLines {
			end = max(first, end-1)
		}
		for l := first; l <= end; l++ {
			touched[l] = true
		}
	}
	return formatLines(fixed, touched, crlf)
}

// formatLines returns src with the touched lines (counted from 0)
// replaced by their gofmt-ed layout. Gofmt rewrites the whole file, so
// its output is matched to src declaration by declaration (it neither
// adds nor reorders declarations), and line by line within each
// declaration that holds a touched line.
func formatLines(src []byte, touched map[int]bool, crlf bool) ([]byte, error) {
	formatted, err := format.Source(src)
	if err != nil {
		return nil, err
	}
	a, aBounds := declLines(src)
	b, bBounds := declLines(formatted)
	if aBounds == nil || bBounds == nil || len(aBounds) != len(bBounds) {
		return src, nil // not expected: keep the edits as they are
	}
	eol := "\n"
	if crlf {
		eol = "\r\n"
	}

	var out strings.Builder
	for i := range aBounds {
		aEnd, bEnd := len(a), len(b)
		if i+1 < len(aBounds) {
			aEnd, bEnd = aBounds[i+1], bBounds[i+1]
		}
		segA, segB := a[aBounds[i]:aEnd], b[bBounds[i]:bEnd]
		hit := false
		for l := aBounds[i]; l < aEnd && !hit; l++ {
			hit = touched[l]
		}
		if !hit {
			for _, line := range segA {
				out.WriteString(line)
			}
			continue
		}

		// Compare the lines without their line ends: gofmt writes LF.
		keysA, keysB := make([]string, len(segA)), make([]string, len(segB))
		for j, line := range segA {
			keysA[j] = trimEOL(line)
		}
		for j, line := range segB {
			keysB[j] = trimEOL(line)
		}
		ops := diffLines(keysA, keysB)
		ia, ib := 0, 0
		for k := 0; k < len(ops); {
			if ops[k].kind == ' ' {
				out.WriteString(segA[ia])
				ia, ib, k = ia+1, ib+1, k+1
				continue
			}
			var dels, ins []int
			for ; k < len(ops) && ops[k].kind != ' '; k++ {
				if ops[k].kind == '-' {
					dels = append(dels, ia)
					ia++
				} else {
					ins = append(ins, ib)
					ib++
				}
			}
			changed := false
			for _, d := range dels {
				changed = changed || touched[aBounds[i]+d]
			}
			switch {
			case !changed:
				// Lines the edits did not touch keep their layout;
				// lines gofmt would add next to them are not added.
				for _, d := range dels {
					out.WriteString(segA[d])
				}
			case len(dels) == len(ins):
				// Gofmt changed the layout of these lines one for one:
				// take it for the touched ones only.
				for j, d := range dels {
					if touched[aBounds[i]+d] {
						out.WriteString(keysB[ins[j]] + eol)
					} else {
						out.WriteString(segA[d])
					}
				}
			default:
				for _, n := range ins {
					out.WriteString(keysB[n] + eol)
				}
			}
		}
	}
	return []byte(out.String()), nil
}

// declLines splits src into lines and returns them with the index of the
// line each declaration starts on, preceded by 0 for the file's header:
// the bounds of the parts of the file that gofmt lays out alike. It
// returns nil bounds if src does not parse.
func declLines(src []byte) ([]string, []int) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, nil
	}
	bounds := []int{0}
	for _, d := range f.Decls {
		bounds = append(bounds, fset.Position(d.Pos()).Line-1)
	}
	return splitLines(string(src)), bounds
}

// usesCRLF reports whether the lines of src end in CRLF, as its first
// line end tells.
func usesCRLF(src []byte) bool {
	i := bytes.IndexByte(src, '\n')
	return i > 0 && src[i-1] == '\r'
}

// toCRLF turns the LF line ends of s into CRLF.
func toCRLF(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}

// trimEOL removes the line end of line.
func trimEOL(line string) string {
	return strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
}

// lineStarts returns the offsets at which the lines of src start.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	return starts
}
