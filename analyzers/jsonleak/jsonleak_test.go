package jsonleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resplint/resplint/analyzers/internal/testmod"
	"github.com/resplint/resplint/analyzers/jsonleak"
)

// Each framework has its own package of positive and negative cases;
// helpers in another package are seen through facts. One run loads them
// all, since loading the frameworks dominates the cost.
func TestJSONLeak(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t), jsonleak.New(),
		"./jsonleak/models", "./jsonleak/nethttp", "./jsonleak/gin",
		"./jsonleak/echo4", "./jsonleak/echo5", "./jsonleak/fiber2", "./jsonleak/fiber3",
		"./jsonleak/chi", "./jsonleak/helpers", "./jsonleak/usehelpers")
}
