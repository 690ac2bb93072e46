//go:build unix

package testlock

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Do lets one caller in at a time, within a process too (each holds a
// lock of its own open file).
func TestDoExcludes(t *testing.T) {
	var inside, most atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			Do(t, func() {
				n := inside.Add(1)
				for {
					m := most.Load()
					if n <= m || most.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(time.Millisecond)
				inside.Add(-1)
			})
		})
	}
	wg.Wait()
	if most.Load() != 1 {
		t.Errorf("%d callers inside Do at once, want 1", most.Load())
	}
}
