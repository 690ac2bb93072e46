package disposition_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resplint/resplint/analyzers/disposition"
	"github.com/resplint/resplint/analyzers/internal/testmod"
)

// Each framework has its own package of positive and negative cases;
// helpers in another package are seen through facts. One run loads them
// all, since loading the frameworks dominates the cost.
func TestDisposition(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t), disposition.New(),
		"./disposition/nethttp", "./disposition/chi", "./disposition/gin",
		"./disposition/echo4", "./disposition/echo5", "./disposition/fiber2", "./disposition/fiber3",
		"./disposition/hertz", "./disposition/gozero", "./disposition/httprouter",
		"./disposition/helpers", "./disposition/usehelpers", "./disposition/odd")
}

// Every suggested fix is applied and compared with the golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testmod.Dir(t), disposition.New(), "./disposition/fixes/...")
}

// The golden files compile.
func TestFixesTypeCheck(t *testing.T) {
	testmod.CheckGoldens(t, "disposition/fixes/nethttp", "disposition/fixes/gin",
		"disposition/fixes/echo", "disposition/fixes/fiber", "disposition/fixes/hertz",
		"disposition/fixes/gozero", "disposition/fixes/httprouter")
}

// The -types flag replaces the list of download media types.
func TestTypes(t *testing.T) {
	a := disposition.New()
	if err := a.Flags.Set("types", "application/octet-stream, application/vnd.acme.*"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testmod.Dir(t), a, "./disposition/types")
	for _, bad := range []string{"csv", "text/", "/csv", "text/csv;charset", "text/c sv"} {
		if err := disposition.New().Flags.Set("types", bad); err == nil {
			t.Errorf("-types=%q: no error", bad)
		}
	}
}
