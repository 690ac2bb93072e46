package cors_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resplint/resplint/analyzers/cors"
	"github.com/resplint/resplint/analyzers/internal/testmod"
)

// Each framework has its own package of positive and negative cases;
// helpers in another package are seen through facts. One run loads them
// all, since loading the frameworks dominates the cost.
func TestCORS(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t), cors.New(),
		"./cors/nethttp", "./cors/gin", "./cors/echo4", "./cors/echo5", "./cors/fiber2", "./cors/fiber3", "./cors/httprouter", "./cors/gozero", "./cors/hertz", "./cors/libs", "./cors/helpers", "./cors/usehelpers")
}

// Every suggested fix is applied and compared with the golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testmod.Dir(t), cors.New(), "./cors/fixes/...")
}

// The golden files compile.
func TestFixesTypeCheck(t *testing.T) {
	testmod.CheckGoldens(t, "cors/fixes/nethttp", "cors/fixes/gin", "cors/fixes/echo", "cors/fixes/fiber", "cors/fixes/hertz")
}
