// Package testmod prepares resplint's testdata module for analysistest,
// which loads it with GOPROXY=off: the module's dependencies are
// downloaded first, once per test binary.
package testmod

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/txtar"
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

// CheckGoldens type-checks the golden files of suggested-fix tests in the
// given packages of the testdata module: a golden file stands in for its
// source, and each section of a txtar golden file (one per fix message)
// is checked on its own. Suggested fixes must produce code that compiles.
func CheckGoldens(t *testing.T, pkgs ...string) {
	t.Helper()
	dir := Dir(t)
	for _, pkg := range pkgs {
		goldens, err := filepath.Glob(filepath.Join(dir, pkg, "*.go.golden"))
		if err != nil || len(goldens) == 0 {
			t.Fatalf("no golden files in %s", pkg)
		}
		for _, g := range goldens {
			ar, err := txtar.ParseFile(g)
			if err != nil {
				t.Fatal(err)
			}
			sections := ar.Files
			if len(sections) == 0 {
				sections = []txtar.File{{Name: filepath.Base(g), Data: ar.Comment}}
			}
			for _, sec := range sections {
				overlay := map[string][]byte{strings.TrimSuffix(g, ".golden"): sec.Data}
				for _, e := range typeErrors(t, dir, "./"+pkg, overlay) {
					t.Errorf("%s, fix %q: output does not type-check: %v", filepath.Base(g), sec.Name, e)
				}
			}
		}
	}
}

// typeErrors loads pattern in the testdata module with overlay and returns
// the errors of the package and its dependencies.
func typeErrors(t *testing.T, dir, pattern string, overlay map[string][]byte) []packages.Error {
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:     dir,
		Env:     append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off"),
		Overlay: overlay,
	}
	loaded, err := packages.Load(cfg, pattern)
	if err != nil {
		t.Fatal(err)
	}
	var errs []packages.Error
	packages.Visit(loaded, nil, func(p *packages.Package) { errs = append(errs, p.Errors...) })
	return errs
}
