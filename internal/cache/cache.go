// Package cache runs analyzers on the packages of a set of files again and
// again as the files change, keeping what did not change: the metadata
// from go list, the parsed files, the type-checked packages and the facts
// the analyzers exported on them.
//
// golang.org/x/tools/go/analysis/checker recomputes the facts of every
// dependency on every call, which makes re-analysing one package after an
// edit as slow as the first run. Here each package is type-checked by
// this package and analysed with internal/unit, in dependency order, and
// the result is kept under a key that hashes the package's files and the
// keys of its dependencies. After an edit, only the edited packages and
// the packages that import them get new keys; every other package, the
// frameworks included, keeps its types and facts, so the analyzers
// importing those facts see the same objects as before.
//
// The analyzers see what checker would give them: the same packages (the
// test variant in place of a package, as the resplint command does), the
// same requirements and the same facts (an object fact of a dependency is
// visible where checker's propagation would make it visible).
package cache

import (
	"context"
	"fmt"
	"go/token"
	"slices"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/internal/pkgload"
	"github.com/resplint/resplint/internal/unit"
)

// Options configure a Cache.
type Options struct {
	// Analyzers are the analyzers whose diagnostics are wanted. Those they
	// require run too, and those that use facts run on dependencies.
	Analyzers []*analysis.Analyzer

	Tests      bool     // analyse test files too, through test variants
	BuildFlags []string // build flags for go list, such as -tags=x
	Env        []string // environment of go list; nil means os.Environ()

	// Sources returns, for one run, which dependencies the analyzers need
	// to analyse for their facts (see analyzers.Sources). The others are
	// type-checked for their types alone: no syntax is kept, no type
	// information recorded, and no analyzer runs on them. Nil means every
	// dependency is analysed.
	Sources func() func(*packages.Package) bool
}

// A Cache holds the state kept between runs. Its methods may be called
// from several goroutines; runs are serialized.
type Cache struct {
	opts Options
	plan *unit.Plan

	mu     sync.Mutex // held during a run
	env    *pkgload.Immutable
	views  map[string]*view      // by module root: metadata of the packages loaded there
	files  map[string]*fileState // by file name: what was last read of workspace files
	parsed map[fileKey]*parsed   // parsed files, by name and content
	pkgs   map[string]*pkgEntry  // type-checked and analysed packages, by key
	fset   *token.FileSet        // of every file parsed, in this run or before
	runs   int                   // how many runs completed
}

// New returns an empty cache that runs the analyzers in opts.
func New(opts Options) (*Cache, error) {
	p, err := unit.NewPlan(opts.Analyzers)
	if err != nil {
		return nil, err
	}
	return &Cache{
		opts:   opts,
		plan:   p,
		views:  make(map[string]*view),
		files:  make(map[string]*fileState),
		parsed: make(map[fileKey]*parsed),
		pkgs:   make(map[string]*pkgEntry),
		fset:   token.NewFileSet(),
	}, nil
}

// Reconfigure changes the options of c. Analysis results are dropped, and
// so is metadata if the build options changed. Type-checked packages are
// kept, but since dependencies keep only their types and facts after
// their analysis, the next run will usually type-check anew.
func (c *Cache) Reconfigure(opts Options) error {
	p, err := unit.NewPlan(opts.Analyzers)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if opts.Tests != c.opts.Tests || !slices.Equal(opts.BuildFlags, c.opts.BuildFlags) || !slices.Equal(opts.Env, c.opts.Env) {
		clear(c.views)
	}
	c.opts, c.plan = opts, p
	for _, e := range c.pkgs {
		e.analysis = nil
	}
	return nil
}

// Stats says how much of a run was done anew.
type Stats struct {
	Reloaded    int           // module roots whose metadata was loaded (go list) anew
	Packages    int           // packages needed: the roots and their dependencies
	TypeChecked int           // packages type-checked in this run
	Analysed    int           // packages analysed in this run
	Duration    time.Duration // of the whole run
}

func (s Stats) String() string {
	return fmt.Sprintf("%d packages, %d type-checked, %d analysed, %d metadata reloads, in %v",
		s.Packages, s.TypeChecked, s.Analysed, s.Reloaded, s.Duration.Round(time.Millisecond))
}

// Run analyses the packages that contain files (absolute file names). The
// contents of the files in overlay are read from it instead of the disk;
// every other file is read from the disk. Only what changed since the last
// run is type-checked and analysed again.
//
// Run returns an error only when it cannot run at all (ctx is done, or go
// list fails as a whole); problems of single packages are in the Result.
func (c *Cache) Run(ctx context.Context, files []string, overlay map[string][]byte) (*Result, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	start := time.Now()
	r := &run{
		c:           c,
		ctx:         ctx,
		overlay:     overlay,
		res:         newResult(),
		overlayHash: make(map[string]string),
		statted:     make(map[string]bool),
	}
	views, err := r.metadata(files)
	if err != nil {
		return nil, err
	}
	r.res.Stats.Reloaded = r.reloaded
	live := r.build(views, files)
	if r.slimMiss {
		// A package whose syntax was dropped must be analysed again:
		// type-check everything anew, so that its importers see the
		// same types as it.
		clear(c.pkgs)
		r.res = newResult()
		r.res.Stats.Reloaded = r.reloaded
		live = r.build(views, files)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.evict(live)
	r.res.contents = make(map[string][]byte, len(c.files)+len(overlay))
	for name, st := range c.files {
		r.res.contents[name] = st.content
	}
	for name, data := range overlay {
		r.res.contents[name] = data
	}
	r.res.Stats.Duration = time.Since(start)
	return r.res, nil
}

// A run is the state of one call of Run.
type run struct {
	c        *Cache
	ctx      context.Context
	overlay  map[string][]byte
	res      *Result
	reloaded int
	slimMiss bool // a package to analyse has been slimmed

	mu          sync.Mutex        // guards the fields below and the Cache's files and parsed
	overlayHash map[string]string // hashes of overlay contents
	statted     map[string]bool   // disk files whose state was checked in this run
}

// keepRuns is for how many runs a package no run uses is kept: closing
// the last file of a package and opening it again costs nothing, while
// the versions of an edited package that no longer exist go away.
const keepRuns = 10

// evict forgets the packages that the last keepRuns runs did not use,
// and the parsed and read files of no package or view kept. A package is used whenever a
// package importing it is, so the dependencies of a package kept are
// kept too.
func (c *Cache) evict(live []*pkgEntry) {
	c.runs++
	for _, e := range live {
		e.lastUsed = c.runs
		c.pkgs[e.key] = e
	}
	used := make(map[fileKey]bool)
	for key, e := range c.pkgs {
		if c.runs-e.lastUsed >= keepRuns {
			delete(c.pkgs, key)
			continue
		}
		for _, k := range e.fileKeys {
			used[k] = true
		}
	}
	names := make(map[string]bool)
	for k := range c.parsed {
		if !used[k] {
			delete(c.parsed, k)
		} else {
			names[k.name] = true
		}
	}
	for _, v := range c.views {
		for name := range v.hashes {
			names[name] = true
		}
	}
	for name := range c.files {
		if !names[name] {
			delete(c.files, name)
		}
	}
}
