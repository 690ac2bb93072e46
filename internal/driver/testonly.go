package driver

import (
	"path"
	"strings"

	"golang.org/x/tools/go/packages"
)

// dropTestOnly returns roots without the packages that only serve tests,
// for a run without test files (-test=false): fake servers and fixtures
// that ordinary packages hold for the tests of others. A root package
// serves only tests when no non-test file of a root imports it, it is no
// command, and either some root's _test.go files import it or its name
// says it serves tests (see testName).
func dropTestOnly(roots []*packages.Package, cfg Config) ([]*packages.Package, error) {
	imported := make(map[string]bool)
	for _, p := range roots {
		for path := range p.Imports {
			imported[path] = true
		}
	}
	var paths []string
	for _, p := range roots {
		paths = append(paths, p.PkgPath)
	}
	lines, err := goList(cfg, []string{"-f", `{{join .TestImports "\n"}}{{"\n"}}{{join .XTestImports "\n"}}`}, paths)
	if err != nil {
		return nil, err
	}
	testImported := make(map[string]bool)
	for _, l := range lines {
		testImported[l] = true
	}
	var out []*packages.Package
	for _, p := range roots {
		if p.Name != "main" && !imported[p.PkgPath] && (testImported[p.PkgPath] || testName(p)) {
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

// testName reports whether a package's import path names a package that
// serves tests: its last element is testutil, testutils, testhelper,
// testhelpers, testserver, fake, fakes, mock or mocks, or ends in "test"
// (as net/http/httptest does) in a package that imports testing or
// httptest ("latest" alone says nothing).
func testName(p *packages.Package) bool {
	switch base := path.Base(p.PkgPath); base {
	case "testutil", "testutils", "testhelper", "testhelpers", "testserver", "fake", "fakes", "mock", "mocks":
		return true
	default:
		return strings.HasSuffix(base, "test") && (p.Imports["testing"] != nil || p.Imports["net/http/httptest"] != nil)
	}
}
