package lateheader_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resplint/resplint/analyzers/internal/testmod"
	"github.com/resplint/resplint/analyzers/lateheader"
)

// Each framework has its own package of positive and negative cases;
// helpers in another package are seen through facts. One run loads them
// all, since loading the frameworks dominates the cost.
func TestLateheader(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t), lateheader.New(),
		"./lateheader/nethttp", "./lateheader/chi", "./lateheader/mux",
		"./lateheader/gin", "./lateheader/echo4", "./lateheader/echo5",
		"./lateheader/fiber2", "./lateheader/fiber3", "./lateheader/sessions",
		"./lateheader/hertz", "./lateheader/gozero", "./lateheader/httprouter",
		"./lateheader/helpers", "./lateheader/usehelpers")
}

// Every suggested fix is applied and compared with the golden file.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testmod.Dir(t), lateheader.New(), "./lateheader/fixes")
}

// The golden file compiles.
func TestFixesTypeCheck(t *testing.T) {
	testmod.CheckGoldens(t, "lateheader/fixes")
}
