package driver

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/internal/cacheprog"
)

// A sharedCache keeps the entries of the fact cache in a cache program
// too, the program the go command keeps its build cache in when
// GOCACHEPROG names it (see package cacheprog): CI machines that share
// their build cache that way share resplint's facts with it, so that a
// machine whose local cache is empty reads the facts another computed.
// $RESPLINT_CACHEPROG names the program, or $GOCACHEPROG if it is unset;
// RESPLINT_CACHEPROG=off uses none.
//
// The local cache stays first: an entry is asked of the program only when
// the local cache lacks it, and is then kept locally too. An entry is put
// in the program when it is computed. If the program fails (it does not
// start, answers an error, or dies), the run goes on with the local cache
// alone, after one warning: an entry the program cannot give is computed
// from source, as with no program at all.
type sharedCache struct {
	env      string // the variable that names the program
	client   *cacheprog.Client
	warnings io.Writer
	failed   atomic.Bool
	once     sync.Once
}

// openSharedCache starts the cache program named by the environment, if
// any, and returns nil if there is none or it fails to start.
func openSharedCache(warnings io.Writer) *sharedCache {
	env, command := cacheProgCommand()
	if command == "" {
		return nil
	}
	s := &sharedCache{env: env, warnings: warnings}
	client, err := cacheprog.Start(command)
	if err != nil {
		s.fail(err)
		return nil
	}
	s.client = client
	return s
}

// cacheProgCommand returns the command of the cache program and the
// variable that names it, or "" for none.
func cacheProgCommand() (env, command string) {
	switch command := os.Getenv("RESPLINT_CACHEPROG"); command {
	case "off":
		return "", ""
	case "":
		return "GOCACHEPROG", os.Getenv("GOCACHEPROG")
	default:
		return "RESPLINT_CACHEPROG", command
	}
}

// fail stops the use of the program, with a warning the first time.
func (s *sharedCache) fail(err error) {
	s.once.Do(func() {
		s.failed.Store(true)
		fmt.Fprintf(s.warnings, "resplint: warning: the cache program %s=%q failed: %v; using the local fact cache only\n", s.env, os.Getenv(s.env), err)
	})
}

// actionID returns the key of the entry of analyzer a for the package
// with key in the program. It is hashed from a prefix of its own, so that
// it never names an entry of the go command's.
func actionID(a *analysis.Analyzer, key string) [sha256.Size]byte {
	return sha256.Sum256([]byte("resplint fact cache entry\n" + a.Name + "\n" + key))
}

// get returns the entry of analyzer a for the package with key, if the
// program has it. What the program keeps begins with the action ID, so
// that a program that mixes up its keys gives a miss, not another
// package's facts.
func (s *sharedCache) get(a *analysis.Analyzer, key string) ([]byte, bool) {
	if s == nil || s.failed.Load() {
		return nil, false
	}
	id := actionID(a, key)
	data, ok, err := s.client.Get(id)
	if err != nil {
		s.fail(err)
		return nil, false
	}
	entry, found := bytes.CutPrefix(data, id[:])
	return entry, ok && found
}

// put keeps entry, the entry of analyzer a for the package with key, in
// the program.
func (s *sharedCache) put(a *analysis.Analyzer, key string, entry []byte) {
	if s == nil || s.failed.Load() {
		return
	}
	id := actionID(a, key)
	if err := s.client.Put(id, append(id[:], entry...)); err != nil {
		s.fail(err)
	}
}

// close stops the program.
func (s *sharedCache) close() {
	if s == nil {
		return
	}
	if err := s.client.Close(); err != nil && !s.failed.Load() {
		s.fail(err)
	}
}
