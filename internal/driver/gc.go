package driver

import (
	"os"
	"runtime/debug"
)

// BatchGC sets the garbage collector for a run of Analyze, unless the
// environment sets GOGC: a collection each time the heap triples
// (GOGC=200) rather than doubles. What a run keeps (the types of every
// package, the facts still needed, the diagnostics) grows to its end, so
// a collection mostly marks memory that is still live; at 48 features of
// the benchmark corpus GOGC=100 costs about 1.3 billion instructions
// more for a fifth less peak memory, GOGC=400 0.6 billion fewer for a
// third more (see docs/performance.md).
func BatchGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}
