// Command gen writes a generated corpus module for benchmarking resplint.
//
// Usage:
//
//	go run ./bench/gen -o /tmp/corpus -features 8
//
// Each feature adds nine packages: models, helpers, a session store and
// handlers on net/http (chi), gin, echo v4, echo v5, fiber v2 and fiber v3.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/resplint/resplint/bench/corpus"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := flag.String("o", "", "directory to write the module to (required)")
	features := flag.Int("features", 8, "number of features (9 packages each)")
	handlers := flag.Int("handlers", 14, "handlers per handler package")
	repo := flag.String("repo", ".", "the resplint repository (its testdata module gives the framework versions)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	n, err := corpus.Write(*out, corpus.Options{
		Features: *features,
		Handlers: *handlers,
		Testdata: filepath.Join(*repo, "testdata"),
		Repo:     *repo,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %d files, %d handlers, to %s\n", n, *features*len(corpus.Frameworks)**handlers, *out)
}
