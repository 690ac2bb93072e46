package lsp

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"slices"
	"strings"

	"github.com/resplint/resplint/internal/cache"
)

// A byteEdit replaces the bytes [start, end) of a text by text.
type byteEdit struct {
	start, end int
	text       string
}

// fixEdits returns, by file, the edits that apply fix to the contents
// files returns. The result of a Go file is gofmt-ed, unless the file
// was not gofmt-clean before; the edits are then the lines that differ,
// so that the editor changes no more than that.
func fixEdits(fix cache.Fix, content func(string) ([]byte, error)) (map[string][]byteEdit, error) {
	byFile := make(map[string][]byteEdit)
	for _, e := range fix.Edits {
		byFile[e.Range.File] = append(byFile[e.Range.File], byteEdit{e.Range.Start, e.Range.End, string(e.NewText)})
	}
	out := make(map[string][]byteEdit)
	for name, edits := range byFile {
		old, err := content(name)
		if err != nil {
			return nil, err
		}
		edits, err = normalize(edits, len(old))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if !strings.HasSuffix(name, ".go") {
			out[name] = edits
			continue
		}
		fixed := apply(old, edits)
		formatted, err := format.Source(fixed)
		if err != nil {
			return nil, fmt.Errorf("%s: the fix would make it unparseable: %v", name, err)
		}
		if clean, err := format.Source(old); err != nil || !bytes.Equal(clean, old) {
			out[name] = edits // keep the file's own layout
			continue
		}
		out[name] = lineDiff(old, formatted)
	}
	return out, nil
}

// normalize sorts edits, drops duplicates, and checks that they are
// within the text and do not overlap.
func normalize(edits []byteEdit, size int) ([]byteEdit, error) {
	slices.SortStableFunc(edits, func(a, b byteEdit) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
	})
	edits = slices.Compact(edits)
	for i, e := range edits {
		if e.start < 0 || e.end < e.start || e.end > size {
			return nil, fmt.Errorf("edit [%d, %d) is outside the file", e.start, e.end)
		}
		if i > 0 && edits[i-1].end > e.start {
			return nil, fmt.Errorf("edits overlap")
		}
	}
	return edits, nil
}

// apply applies sorted, non-overlapping edits to text.
func apply(text []byte, edits []byteEdit) []byte {
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		buf.Write(text[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(text[last:])
	return buf.Bytes()
}

// maxDiffCells bounds the work of lineDiff; past it, the changed lines
// are replaced as one block.
const maxDiffCells = 4 << 20

// lineDiff returns edits that turn old into new, each replacing whole
// lines: the lines between the common prefix and suffix, matched by a
// longest common subsequence.
func lineDiff(old, new []byte) []byteEdit {
	a, b := splitLines(old), splitLines(new)
	prefix := 0
	for prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] {
		prefix++
	}
	suffix := 0
	for suffix < len(a)-prefix && suffix < len(b)-prefix && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}
	a, b = a[prefix:len(a)-suffix], b[prefix:len(b)-suffix]
	offset := 0 // of a[0] in old
	for _, l := range splitLines(old)[:prefix] {
		offset += len(l)
	}
	if len(a)*len(b) > maxDiffCells {
		return []byteEdit{{offset, offset + lenLines(a), strings.Join(b, "")}}
	}

	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var edits []byteEdit
	var cur *byteEdit
	pos := offset
	flush := func() {
		if cur != nil {
			edits = append(edits, *cur)
			cur = nil
		}
	}
	hunk := func() *byteEdit {
		if cur == nil {
			cur = &byteEdit{start: pos, end: pos}
		}
		return cur
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			flush()
			pos += len(a[i])
			i++
			j++
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			hunk().text += b[j]
			j++
		default:
			h := hunk()
			pos += len(a[i])
			h.end = pos
			i++
		}
	}
	flush()
	return edits
}

// splitLines splits text after each newline.
func splitLines(text []byte) []string {
	return strings.SplitAfter(string(text), "\n")
}

func lenLines(lines []string) int {
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	return n
}
