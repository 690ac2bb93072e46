// Command nogovet runs the analyzers a rules_go nogo target lists (each
// package's Analyzer variable) as nogo does: one process per package, with
// the facts of its dependencies read from the files their processes wrote
// (x/tools' unitchecker, which go vet -vettool drives).
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/resplint/resplint/analyzers/cookiedelete"
	"github.com/resplint/resplint/analyzers/cookieflags"
	"github.com/resplint/resplint/analyzers/cors"
	"github.com/resplint/resplint/analyzers/disposition"
	"github.com/resplint/resplint/analyzers/jsonleak"
	"github.com/resplint/resplint/analyzers/lateheader"
	"github.com/resplint/resplint/analyzers/privatecache"
)

func main() {
	unitchecker.Main(cookieflags.Analyzer, privatecache.Analyzer, jsonleak.Analyzer, disposition.Analyzer, lateheader.Analyzer, cors.Analyzer, cookiedelete.Analyzer)
}
