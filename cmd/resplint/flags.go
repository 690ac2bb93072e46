package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/internal/anaflags"
)

// An outputMode says what the standalone command does with diagnostics.
type outputMode int

const (
	outputText  outputMode = iota // print them as text
	outputJSON                    // print them as JSON
	outputFix                     // apply their fixes
	outputDiff                    // print their fixes as a diff
	outputSARIF                   // print them as SARIF
)

// options are the settings of the standalone command.
type options struct {
	flags     *flag.FlagSet
	version   bool // print the version and do nothing else
	mode      outputMode
	tests     bool
	tags      string
	analyzers []*analysis.Analyzer // the analyzers to run
	args      []string             // the arguments after the flags
}

// parseFlags parses the command line of the standalone command. Besides
// its own flags, it accepts, like go vet, -NAME[=bool] for each analyzer
// NAME and -NAME.FLAG=value for each flag of each analyzer. Errors have
// been printed when it returns; flag.ErrHelp means -help was asked for.
func parseFlags(args []string, all []*analysis.Analyzer, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("resplint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // printed below, in full only for -help

	opts := &options{flags: fs}
	jsonOut := fs.Bool("json", false, "print the diagnostics as JSON (the format of go vet -json) to standard output")
	sarifOut := fs.Bool("sarif", false, "print the diagnostics as SARIF 2.1.0 (for GitHub code scanning) to standard output")
	fix := fs.Bool("fix", false, "apply the first suggested fix of each diagnostic instead of printing it")
	diff := fs.Bool("diff", false, "print the fixes as a unified diff instead of applying them (implies -fix)")
	fs.BoolVar(&opts.tests, "test", true, "analyse test files too")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated list of build tags")
	fs.BoolVar(&opts.version, "version", false, "print the version of resplint and exit")

	analyzerFlags := anaflags.Define(fs, all)

	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(fs)
		} else {
			fmt.Fprintln(stderr, "run 'resplint -help' for usage")
		}
		return nil, err
	}
	opts.args = fs.Args()

	switch {
	case *jsonOut && *sarifOut:
		fmt.Fprintln(stderr, "resplint: -json cannot be used with -sarif")
		return nil, errors.New("conflicting flags")
	case (*jsonOut || *sarifOut) && (*fix || *diff):
		out := "-json"
		if *sarifOut {
			out = "-sarif"
		}
		fmt.Fprintf(stderr, "resplint: %s cannot be used with -fix or -diff\n", out)
		return nil, errors.New("conflicting flags")
	case *jsonOut:
		opts.mode = outputJSON
	case *sarifOut:
		opts.mode = outputSARIF
	case *diff:
		opts.mode = outputDiff
	case *fix:
		opts.mode = outputFix
	}

	opts.analyzers = analyzerFlags.Selected()
	return opts, nil
}

// buildFlags returns the flags for the build system.
func (opts *options) buildFlags() []string {
	if opts.tags == "" {
		return nil
	}
	return []string{"-tags=" + opts.tags}
}

// usage prints the synopsis and the command's own flags.
func usage(fs *flag.FlagSet) {
	w := fs.Output()
	fmt.Fprint(w, `usage: resplint [flags] packages...
       resplint help [analyzer... | lsp | version]
       resplint [flags] lsp
       resplint version

resplint reports mistakes in hand-built HTTP responses.
Run 'resplint help' for the analyzers and all flags.

Flags:
`)
	printFlags(w, fs, func(name string) bool { return !strings.Contains(name, ".") })
}
