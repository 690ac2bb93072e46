// Command driver runs resplint's driver (internal/driver) for measurement:
// with every analyzer of analyzers.All(), or with a no-op analyzer that
// loads and type-checks exactly as much as resplint does, which is the
// floor resplint's cost is compared with; with -inspect, the no-op
// analyzer requires inspect.Analyzer, which every analyzer of resplint
// does. It can write CPU and heap profiles.
//
// Usage:
//
//	go run ./bench/driver [-noop [-inspect]] [-cpuprofile file] [-memprofile file] [-peakprofile file] [-memprofilerate bytes] packages...
//
// It prints the number of analyses of packages and of diagnostics.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"

	"golang.org/x/tools/go/analysis"
	inspectpass "golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/internal/driver"
)

// noopFact is the fact type of the no-op analyzer. Declaring one makes
// the driver load and type-check the dependencies resplint's analyzers
// read from source and run the analyzer on them, as it does for resplint.
type noopFact struct{}

func (*noopFact) AFact() {}

// noop returns an analyzer that does nothing, on every package resplint
// would analyse; with inspect, it requires inspect.Analyzer, as each of
// resplint's analyzers does, so that the driver also builds each
// package's inspector.
func noop(inspect bool) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "noop",
		Doc:       "does nothing; measures loading and type-checking",
		Run:       func(*analysis.Pass) (any, error) { return nil, nil },
		FactTypes: []analysis.Fact{new(noopFact)},
	}
	if inspect {
		a.Requires = []*analysis.Analyzer{inspectpass.Analyzer}
	}
	return a
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("driver: ")
	useNoop := flag.Bool("noop", false, "run a no-op analyzer instead of resplint's")
	withInspect := flag.Bool("inspect", false, "with -noop, have the no-op analyzer require inspect.Analyzer")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to `file`")
	memprofile := flag.String("memprofile", "", "write a heap profile, taken after the analysis, to `file`")
	peakprofile := flag.String("peakprofile", "", "write a heap profile, taken after the collection that found the most live memory, to `file`")
	memrate := flag.Int("memprofilerate", 0, "sample an allocation every `bytes` for the heap profiles (0: Go's default)")
	tests := flag.Bool("test", true, "analyse test files too")
	flag.Parse()

	if *withInspect && !*useNoop {
		log.Fatal("-inspect needs -noop")
	}
	list := analyzers.All()
	if *useNoop {
		list = []*analysis.Analyzer{noop(*withInspect)}
	}
	driver.Prepare(list)

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	if *memrate > 0 {
		runtime.MemProfileRate = *memrate
	}
	if *memprofile == "" && *peakprofile == "" {
		runtime.MemProfileRate = 0 // as the command does
	}
	if *peakprofile != "" {
		// A profile being written when main returns would be cut short.
		defer profileAtPeak(*peakprofile).Lock()
	}
	// As the command does, with its text output.
	driver.BatchGC()
	res, err := driver.Analyze(list, flag.Args(), driver.Config{Tests: *tests, Sources: analyzers.Sources(), MessagesOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d packages analysed, %d diagnostics, %d broken, %d errors\n", res.Analysed, len(res.Diagnostics()), len(res.Broken), len(res.Errors()))
	for _, e := range res.Errors() {
		fmt.Fprintln(os.Stderr, e)
	}
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		if err != nil {
			log.Fatal(err)
		}
		runtime.GC()
		if err := pprof.WriteHeapProfile(f); err != nil {
			log.Fatal(err)
		}
		f.Close()
		runtime.KeepAlive(res) // what the analysis holds is what the profile is for
	}
}

// profileAtPeak writes a heap profile to file after each garbage
// collection that finds more live memory than any before it. The peak of
// a run's memory is about the most live memory times 1+GOGC/100, so the
// profile shows what sets it. Locking the mutex it returns waits for the
// profile being written and stops later ones.
func profileAtPeak(file string) *sync.Mutex {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var most uint64
	var mu sync.Mutex
	// A finalizer runs after each collection that finds its object
	// unreachable; each run sets one on a new object for the next.
	type sentinel struct{ _ *int }
	var after func(*sentinel)
	after = func(*sentinel) {
		if !mu.TryLock() {
			return // main is done
		}
		defer mu.Unlock()
		metrics.Read(sample)
		if live := sample[0].Value.Uint64(); live > most {
			most = live
			if f, err := os.Create(file); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
		runtime.SetFinalizer(new(sentinel), after)
	}
	runtime.SetFinalizer(new(sentinel), after)
	return &mu
}
