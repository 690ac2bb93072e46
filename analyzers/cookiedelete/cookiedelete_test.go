package cookiedelete_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resplint/resplint/analyzers/cookiedelete"
	"github.com/resplint/resplint/analyzers/internal/testmod"
)

// Each framework has its own package of positive and negative cases;
// api deletes what auth sets, seen through facts. One run loads them
// all, since loading the frameworks dominates the cost.
func TestCookiedelete(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t), cookiedelete.New(),
		"./cookiedelete/nethttp", "./cookiedelete/chi", "./cookiedelete/mux", "./cookiedelete/gin",
		"./cookiedelete/echo4", "./cookiedelete/echo5", "./cookiedelete/fiber2", "./cookiedelete/fiber3",
		"./cookiedelete/httprouter", "./cookiedelete/gozero", "./cookiedelete/hertz",
		"./cookiedelete/sessions", "./cookiedelete/auth", "./cookiedelete/api", "./cookiedelete/mw", "./cookiedelete/web")
}

// Every suggested fix is applied and compared with the golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testmod.Dir(t), cookiedelete.New(), "./cookiedelete/fixes")
}

// The golden files compile.
func TestFixesTypeCheck(t *testing.T) {
	testmod.CheckGoldens(t, "cookiedelete/fixes")
}
