package driver

import (
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines shown around a change.
const diffContext = 3

// A lineOp is one line of an edit script: ' ' kept, '-' deleted, '+' inserted.
type lineOp struct {
	kind byte
	line string
}

// unifiedDiff returns the unified diff that turns old into new, with the
// given file labels, or "" if they are equal.
func unifiedDiff(oldLabel, newLabel, old, new string) string {
	if old == new {
		return ""
	}
	ops := diffLines(splitLines(old), splitLines(new))

	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", oldLabel, newLabel)
	// oldLine and newLine count the lines of each side before ops[i].
	oldLine, newLine := 0, 0
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			oldLine++
			newLine++
			i++
			continue
		}
		// A hunk starts diffContext lines before the change and ends once
		// more than 2*diffContext unchanged lines follow a change.
		start := max(0, i-diffContext)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*diffContext {
				end = min(run, end+diffContext)
				break
			}
			end = run
		}
		hunk := ops[start:end]
		oldStart, newStart := oldLine-(i-start), newLine-(i-start)
		var oldLen, newLen int
		for _, op := range hunk {
			if op.kind != '+' {
				oldLen++
			}
			if op.kind != '-' {
				newLen++
			}
		}
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(oldStart, oldLen), hunkRange(newStart, newLen))
		for _, op := range hunk {
			sb.WriteByte(op.kind)
			sb.WriteString(op.line)
			if !strings.HasSuffix(op.line, "\n") {
				sb.WriteString("\n\\ No newline at end of file\n")
			}
		}
		oldLine += oldLen - (i - start)
		newLine += newLen - (i - start)
		i = end
	}
	return sb.String()
}

// hunkRange formats the range of a hunk on one side: lines before is the
// number of lines of that side before the hunk.
func hunkRange(before, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", before)
	}
	return fmt.Sprintf("%d,%d", before+1, n)
}

// splitLines splits s after each newline.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// diffLines returns a shortest edit script from a to b (Myers' algorithm,
// after trimming the common prefix and suffix).
func diffLines(a, b []string) []lineOp {
	var prefix, suffix []lineOp
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		prefix = append(prefix, lineOp{' ', a[0]})
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		suffix = append(suffix, lineOp{' ', a[len(a)-1]})
		a, b = a[:len(a)-1], b[:len(b)-1]
	}

	n, m := len(a), len(b)
	off := n + m + 1
	v := make([]int, 2*off+1) // v[off+k]: furthest x reached on diagonal k = x-y
	var trace [][]int         // trace[d]: v before round d
	for d := 0; ; d++ {
		trace = append(trace, append([]int(nil), v...))
		done := false
		for k := -d; k <= d && !done; k += 2 {
			x := v[off+k-1] + 1
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			done = x >= n && y >= m
		}
		if done {
			break
		}
	}

	// Walk back from (n, m), collecting the script in reverse.
	var rev []lineOp
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		v := trace[d]
		k := x - y
		prevK := k - 1
		if k == -d || k != d && v[off+k-1] < v[off+k+1] {
			prevK = k + 1
		}
		prevX := v[off+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			rev = append(rev, lineOp{' ', a[x-1]})
			x, y = x-1, y-1
		}
		if x == prevX {
			rev = append(rev, lineOp{'+', b[y-1]})
			y--
		} else {
			rev = append(rev, lineOp{'-', a[x-1]})
			x--
		}
	}
	for x > 0 {
		rev = append(rev, lineOp{' ', a[x-1]})
		x--
	}

	ops := prefix
	for i := len(rev) - 1; i >= 0; i-- {
		ops = append(ops, rev[i])
	}
	for i := len(suffix) - 1; i >= 0; i-- {
		ops = append(ops, suffix[i])
	}
	return ops
}
