package cookieflags_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resplint/resplint/analyzers/cookieflags"
	"github.com/resplint/resplint/analyzers/internal/testmod"
)

func TestNetHTTP(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t), cookieflags.New(), "./cookieflags/nethttp")
}
