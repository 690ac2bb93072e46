package pkgload

import (
	"runtime"
	"sync"
)

// InOrder calls work for each of items, at most GOMAXPROCS at a time,
// each once work has returned for those of its dependencies (deps) that
// are among items, as a package is type-checked or analysed after its
// imports. deps must not form a cycle among items. It returns when every
// call has.
func InOrder[T comparable](items []T, deps func(T) []T, work func(T)) {
	done := make(map[T]chan struct{}, len(items))
	for _, it := range items {
		done[it] = make(chan struct{})
	}
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Go(func() {
			defer close(done[it])
			for _, d := range deps(it) {
				if ch, ok := done[d]; ok {
					<-ch
				}
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			work(it)
		})
	}
	wg.Wait()
}
