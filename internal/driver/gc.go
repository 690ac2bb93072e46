package driver

import (
	"os"
	"runtime/debug"
)

// BatchGC sets the garbage collector for a run of Analyze, unless the
// environment sets GOGC. A run's heap mostly grows, since syntax, types,
// facts and results are kept to the end, so a collection each time the
// heap doubles (GOGC=100) mostly marks memory that is still live; one
// each time it triples costs a fifth to a third less CPU (see
// docs/performance.md) for about as much peak memory.
func BatchGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}
