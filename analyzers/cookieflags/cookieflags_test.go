package cookieflags_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resplint/resplint/analyzers/cookieflags"
	"github.com/resplint/resplint/analyzers/internal/testmod"
)

// Each framework has its own package of positive and negative cases;
// helpers in another package are seen through facts. One run loads them
// all, since loading the frameworks dominates the cost.
func TestCookieflags(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t), cookieflags.New(),
		"./cookieflags/nethttp", "./cookieflags/gin", "./cookieflags/ginmw",
		"./cookieflags/echo4", "./cookieflags/echo5",
		"./cookieflags/fiber2", "./cookieflags/fiber3", "./cookieflags/sessions",
		"./cookieflags/hertz", "./cookieflags/gozero", "./cookieflags/httprouter",
		"./cookieflags/helpers", "./cookieflags/usehelpers", "./cookieflags/ownoptions",
		"./cookieflags/program/...")
}

// Every suggested fix is applied and compared with the golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testmod.Dir(t), cookieflags.New(), "./cookieflags/fixes", "./cookieflags/program/app")
}

// The golden files compile.
func TestFixesTypeCheck(t *testing.T) {
	testmod.CheckGoldens(t, "cookieflags/fixes")
	testmod.CheckGoldens(t, "cookieflags/program/app")
}
