package driver

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestUnifiedDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
	new := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn"
	want := `--- old
+++ new
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
@@ -11,3 +11,4 @@
 k
 l
 m
+n
\ No newline at end of file
`
	if got := unifiedDiff("old", "new", old, new); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := unifiedDiff("old", "new", old, old); got != "" {
		t.Errorf("diff of equal texts: %q", got)
	}
	// Changes close together share a hunk; an insertion into an empty
	// file starts at line 0.
	if got, want := unifiedDiff("o", "n", "1\n2\n3\n4\n", "1\nX\n3\nY\n"), "--- o\n+++ n\n@@ -1,4 +1,4 @@\n 1\n-2\n+X\n 3\n-4\n+Y\n"; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got, want := unifiedDiff("o", "n", "", "x\n"), "--- o\n+++ n\n@@ -0,0 +1,1 @@\n+x\n"; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestDiffLines checks on random inputs that the edit script turns a into
// b and is as short as the longest common subsequence allows.
func TestDiffLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	randLines := func() []string {
		lines := make([]string, rng.IntN(12))
		for i := range lines {
			lines[i] = string(rune('a'+rng.IntN(4))) + "\n"
		}
		return lines
	}
	for range 2000 {
		a, b := randLines(), randLines()
		ops := diffLines(a, b)
		var gotA, gotB []string
		edits := 0
		for _, op := range ops {
			if op.kind != '+' {
				gotA = append(gotA, op.line)
			}
			if op.kind != '-' {
				gotB = append(gotB, op.line)
			}
			if op.kind != ' ' {
				edits++
			}
		}
		if strings.Join(gotA, "") != strings.Join(a, "") || strings.Join(gotB, "") != strings.Join(b, "") {
			t.Fatalf("diffLines(%q, %q) = %v does not rebuild the inputs", a, b, ops)
		}
		if want := len(a) + len(b) - 2*lcs(a, b); edits != want {
			t.Fatalf("diffLines(%q, %q) makes %d edits, want %d", a, b, edits, want)
		}
	}
}

// lcs returns the length of the longest common subsequence of a and b.
func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	for i := range a {
		cur := make([]int, len(b)+1)
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev = cur
	}
	return prev[len(b)]
}
