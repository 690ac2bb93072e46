package driver

import (
	"fmt"
	"slices"
	"testing"
)

func TestChunks(t *testing.T) {
	for _, tc := range []struct {
		paths []string
		max   int
		want  string
	}{
		{nil, 10, "[]"},
		{[]string{"a", "bb", "ccc"}, 100, "[[a bb ccc]]"},
		{[]string{"a", "bb", "ccc"}, 5, "[[a bb] [ccc]]"},         // "a bb " is 5
		{[]string{"a", "bb", "ccc"}, 4, "[[a] [bb] [ccc]]"},       // "a bb " is 5
		{[]string{"toolong", "a", "b"}, 3, "[[toolong] [a] [b]]"}, // a path longer than max runs alone
	} {
		if got := fmt.Sprint(slices.Collect(chunks(tc.paths, tc.max))); got != tc.want {
			t.Errorf("chunks(%q, %d) = %s, want %s", tc.paths, tc.max, got, tc.want)
		}
	}
}
