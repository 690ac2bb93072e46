package privatecache_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resplint/resplint/analyzers/internal/testmod"
	"github.com/resplint/resplint/analyzers/privatecache"
)

// Each framework has its own package of positive and negative cases;
// helpers and middleware in another package are seen through facts. One
// run loads them all, since loading the frameworks dominates the cost.
func TestPrivatecache(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t), privatecache.New(),
		"./privatecache/nethttp", "./privatecache/gin", "./privatecache/echo4", "./privatecache/echo5",
		"./privatecache/fiber2", "./privatecache/fiber3", "./privatecache/helpers", "./privatecache/usehelpers")
}
