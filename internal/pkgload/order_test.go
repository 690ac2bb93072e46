package pkgload

import (
	"sync"
	"testing"
)

// Every item runs once, after its dependencies among the items; a
// dependency that is not among them is not waited for.
func TestInOrder(t *testing.T) {
	deps := map[int][]int{1: {2, 3}, 2: {3}, 3: nil, 4: {1, 99}}
	var mu sync.Mutex
	var order []int
	InOrder([]int{1, 2, 3, 4}, func(i int) []int { return deps[i] }, func(i int) {
		mu.Lock()
		order = append(order, i)
		mu.Unlock()
	})
	pos := make(map[int]int)
	for i, it := range order {
		if _, dup := pos[it]; dup {
			t.Fatalf("item %d ran twice: %v", it, order)
		}
		pos[it] = i
	}
	if len(order) != 4 {
		t.Fatalf("ran %v, want each of 1-4 once", order)
	}
	for it, ds := range deps {
		for _, d := range ds {
			if d != 99 && pos[d] > pos[it] {
				t.Errorf("%d ran before its dependency %d: %v", it, d, order)
			}
		}
	}
}
