package driver

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// After each collection, the pacer sets the memory limit to the live heap
// plus as much again, or plus paceMin when the heap is small.
func TestPacer(t *testing.T) {
	for _, c := range []struct{ live, want int64 }{
		{0, paceMin},
		{10 << 20, 10<<20 + paceMin},
		{paceMin, 2 * paceMin},
		{500 << 20, 1000 << 20},
	} {
		if got := paceLimit(c.live); got != c.want {
			t.Errorf("paceLimit(%d) = %d, want %d", c.live, got, c.want)
		}
	}

	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetMemoryLimit(math.MaxInt64)
	p := startPacer()
	defer p.stop()
	keep := make([]byte, 3*paceMin) // a live heap above paceMin
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // for the finalizer
		metrics.Read(sample)
		live := int64(sample[0].Value.Uint64())
		limit := debug.SetMemoryLimit(-1)
		if limit == paceLimit(live) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("memory limit %d after a collection that left %d bytes live, want %d", limit, live, paceLimit(live))
		}
	}
	runtime.KeepAlive(keep)
}
