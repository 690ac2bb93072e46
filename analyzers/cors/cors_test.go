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
		"./cors/nethttp", "./cors/gin", "./cors/echo4", "./cors/echo5", "./cors/fiber2", "./cors/fiber3", "./cors/libs")
}
