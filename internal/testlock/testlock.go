// Package testlock runs, one at a time, the go commands of the tests
// that compile the testdata module's dependencies (gin, echo, fiber,
// hertz, go-zero and what they import) into the build cache.
//
// go test runs several test binaries at once, and the go commands they
// start share the build cache but not their work in progress: two that
// need the same frameworks compiled both compile them. With an empty
// build cache that doubled the suite's largest cost. Holding this lock,
// the first compiles them and the others, which wait for it, find them
// in the build cache.
package testlock

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var cacheDir = sync.OnceValues(func() (string, error) {
	out, err := exec.Command("go", "env", "GOCACHE").Output()
	return strings.TrimSpace(string(out)), err
})

// Do calls f with an exclusive lock held, shared by every test binary
// (and every test of a binary) that uses the same build cache. f runs
// the go command that compiles the dependencies; what the test asserts
// stays in the test. Where files cannot be locked (not a Unix system),
// Do just calls f.
func Do(t testing.TB, f func()) {
	t.Helper()
	dir, err := cacheDir()
	if err != nil {
		t.Fatalf("go env GOCACHE: %v", err)
	}
	sum := sha256.Sum256([]byte(dir))
	name := filepath.Join(os.TempDir(), "resplint-test-build-"+hex.EncodeToString(sum[:8])+".lock")
	file, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	if err := lock(file); err != nil {
		t.Fatalf("locking %s: %v", name, err)
	}
	defer unlock(file)
	f()
}
