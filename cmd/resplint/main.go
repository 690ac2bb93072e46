// Command resplint runs resplint's analyzers.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/resplint/resplint/analyzers"
)

func main() { multichecker.Main(analyzers.All()...) }
