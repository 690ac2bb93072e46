package privatecache_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resplint/resplint/analyzers/internal/testmod"
	"github.com/resplint/resplint/analyzers/privatecache"
)

// Each framework has its own package of positive and negative cases;
// helpers and middleware in another package are seen through facts; and a
// program has handlers in one package, middleware in a second, routes in a
// third, where what the router package sees decides. One run loads them
// all, since loading the frameworks dominates the cost.
func TestPrivatecache(t *testing.T) {
	results := analysistest.Run(t, testmod.Dir(t), privatecache.New(),
		"./privatecache/nethttp", "./privatecache/gin", "./privatecache/echo4", "./privatecache/echo5",
		"./privatecache/fiber2", "./privatecache/fiber3", "./privatecache/hertz", "./privatecache/gozero",
		"./privatecache/httprouter", "./privatecache/helpers", "./privatecache/usehelpers",
		"./privatecache/fixed",
		"./privatecache/program/api", "./privatecache/program/mw", "./privatecache/program/router", "./privatecache/program/cmd/server")

	// The 10 routes of a group are one report with each route as related
	// information.
	found := 0
	for _, r := range results {
		if r.Action.Package.PkgPath != "resplint.test/privatecache/program/router" {
			continue
		}
		for _, d := range r.Diagnostics {
			if strings.HasPrefix(d.Message, "10 routes") {
				found++
				if len(d.Related) != 10 {
					t.Errorf("%s: %d related locations, want 10", d.Message, len(d.Related))
				}
			}
		}
	}
	if found != 1 {
		t.Errorf("%d reports of the 10-route group in program/router, want 1", found)
	}
}

// -strict reports responses identified by Authorization alone, and each
// response on its own.
func TestStrict(t *testing.T) {
	a := privatecache.New()
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testmod.Dir(t), a, "./privatecache/strict")
}

// -middleware names middleware whose effect the analysis cannot see.
func TestMiddlewareOption(t *testing.T) {
	a := privatecache.New()
	if err := a.Flags.Set("middleware", "resplint.test/privatecache/option.Opaque"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testmod.Dir(t), a, "./privatecache/option")
}

// Bad option values are errors, not silently ignored.
func TestBadOptions(t *testing.T) {
	for _, f := range [][2]string{
		{"middleware", "NoCache"},
		{"middleware", "example.com/mw."},
		{"middleware", "example.com/mw"},
		{"cookies", "("},
		{"keys", "[a"},
		{"headers", "*"},
	} {
		if err := privatecache.New().Flags.Set(f[0], f[1]); err == nil {
			t.Errorf("-%s=%s: no error", f[0], f[1])
		}
	}
	if err := privatecache.New().Flags.Set("middleware", "example.com/mw.NoCache, example.com/mw.Auth.Wrap"); err != nil {
		t.Errorf("valid -middleware: %v", err)
	}
}

// Every suggested fix is applied and compared with the golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testmod.Dir(t), privatecache.New(), "./privatecache/fixes")
}

// The golden files compile.
func TestFixesTypeCheck(t *testing.T) {
	testmod.CheckGoldens(t, "privatecache/fixes")
}
