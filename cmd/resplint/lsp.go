package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/internal/lsp"
)

// serveLSP implements "resplint lsp": a language server on the standard
// input and output. The command line's settings (-test, -tags, -NAME,
// -NAME.FLAG) apply first; the client's initializationOptions override
// them. It returns the exit status.
func serveLSP(opts *options, all []*analysis.Analyzer, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(opts.args) > 1 {
		fmt.Fprintln(stderr, "usage: resplint [flags] lsp")
		return exitUsage
	}
	defaults, err := json.Marshal(commandLineSettings(opts, all))
	if err != nil {
		fmt.Fprintf(stderr, "resplint: %v\n", err)
		return exitError
	}
	err = lsp.Serve(context.Background(), stdin, stdout, lsp.Options{
		Analyzers: analyzers.All,
		Sources:   analyzers.Sources,
		Defaults:  defaults,
		Log:       stderr,
		Version:   version(),
	})
	if err != nil {
		fmt.Fprintf(stderr, "resplint lsp: %v\n", err)
		return exitError
	}
	return exitOK
}

// commandLineSettings returns the settings of the command line in the
// form of the server's initializationOptions.
func commandLineSettings(opts *options, all []*analysis.Analyzer) map[string]any {
	settings := map[string]any{"tests": opts.tests, "tags": opts.tags}
	var disabled []string
	for _, a := range all {
		flags := make(map[string]string)
		a.Flags.VisitAll(func(f *flag.Flag) {
			if v := f.Value.String(); v != f.DefValue {
				flags[f.Name] = v
			}
		})
		if len(flags) > 0 {
			settings[a.Name] = flags
		}
		enabled := false
		for _, e := range opts.analyzers {
			enabled = enabled || e == a
		}
		if !enabled {
			disabled = append(disabled, a.Name)
		}
	}
	if len(disabled) > 0 {
		settings["disable"] = disabled
	}
	return settings
}
