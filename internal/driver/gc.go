package driver

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// BatchGC sets the garbage collector for a run of Analyze, unless the
// environment sets GOGC or GOMEMLIMIT.
//
// While the live heap is small, a collection comes each time the heap
// triples (GOGC=200) rather than doubles: what a run keeps (the types of
// the packages still imported, the facts still needed, the diagnostics)
// mostly grows to its end, so a collection mostly marks memory that is
// still live, and at 48 features of the benchmark corpus GOGC=100 costs
// about 1.3 billion instructions more for a fifth less peak memory.
//
// Once the live heap is large, the heap may grow beyond it by as much
// again, no more (as with GOGC=100), and by at least paceMin: after each
// collection, the soft memory limit (debug.SetMemoryLimit) is set to the
// live heap plus that. With GOGC=200 alone the peak memory of a run was
// about three times its largest live heap; a run that allocates little
// (a warm run) pays few more collections for the smaller peak, and one
// that allocates much (an empty fact cache) pays a tenth or so more CPU
// (see docs/performance.md).
func BatchGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(200)
	startPacer()
}

// paceMin is the least the heap may grow beyond the live heap before a
// collection, under BatchGC: below half of it, GOGC=200 decides.
const paceMin = 64 << 20

// A gcSentinel is an object whose finalizer runs after the collection
// that finds it unreachable; each sets a new one for the next.
type gcSentinel struct{ _ *int }

// A pacer sets the memory limit after each collection.
type pacer struct {
	mu      sync.Mutex // held while the limit is set
	sample  []metrics.Sample
	stopped bool
}

// startPacer sets the memory limit after each collection from now on,
// until the pacer is stopped.
func startPacer() *pacer {
	p := &pacer{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	runtime.SetFinalizer(new(gcSentinel), p.after)
	return p
}

// stop stops p setting the memory limit; once it returns, p sets it no
// more.
func (p *pacer) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
}

func (p *pacer) after(*gcSentinel) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	metrics.Read(p.sample)
	live := int64(p.sample[0].Value.Uint64())
	debug.SetMemoryLimit(paceLimit(live))
	runtime.SetFinalizer(new(gcSentinel), p.after)
}

// paceLimit returns the memory limit for a live heap of live bytes.
func paceLimit(live int64) int64 {
	return live + max(live, paceMin)
}
