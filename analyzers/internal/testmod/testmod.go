// Package testmod prepares resplint's testdata module for analysistest,
// which loads it with GOPROXY=off: the module's dependencies are
// downloaded first, once per test binary.
package testmod

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

var download struct {
	once sync.Once
	err  error
	out  []byte
}

// Dir returns the absolute path of the testdata module, after making sure
// its dependencies are in the module cache.
func Dir(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata")
	download.once.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		download.out, download.err = cmd.CombinedOutput()
	})
	if download.err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, download.err, download.out)
	}
	return dir
}
