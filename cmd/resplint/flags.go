package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// An outputMode says what the standalone command does with diagnostics.
type outputMode int

const (
	outputText outputMode = iota // print them as text
	outputJSON                   // print them as JSON
	outputFix                    // apply their fixes
	outputDiff                   // print their fixes as a diff
)

// options are the settings of the standalone command.
type options struct {
	flags     *flag.FlagSet
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
	fix := fs.Bool("fix", false, "apply the first suggested fix of each diagnostic instead of printing it")
	diff := fs.Bool("diff", false, "print the fixes as a unified diff instead of applying them (implies -fix)")
	fs.BoolVar(&opts.tests, "test", true, "analyse test files too")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated list of build tags")

	enabled := make([]enableFlag, len(all))
	for i, a := range all {
		fs.Var(&enabled[i], a.Name, fmt.Sprintf("enable the %s analyzer", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}

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
	case *jsonOut && (*fix || *diff):
		fmt.Fprintln(stderr, "resplint: -json cannot be used with -fix or -diff")
		return nil, errors.New("conflicting flags")
	case *jsonOut:
		opts.mode = outputJSON
	case *diff:
		opts.mode = outputDiff
	case *fix:
		opts.mode = outputFix
	}

	// Like go vet: if any -NAME is true, run only those analyzers;
	// otherwise run all but those with -NAME=false.
	only := false
	for _, e := range enabled {
		only = only || e == enabledTrue
	}
	for i, a := range all {
		if only && enabled[i] == enabledTrue || !only && enabled[i] != enabledFalse {
			opts.analyzers = append(opts.analyzers, a)
		}
	}
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
       resplint help [analyzer...]

resplint reports mistakes in hand-built HTTP responses.
Run 'resplint help' for the analyzers and all flags.

Flags:
`)
	printFlags(w, fs, func(name string) bool { return !strings.Contains(name, ".") })
}

// An enableFlag is an analyzer's -NAME flag: a boolean flag that remembers
// whether it was set.
type enableFlag int

const (
	enabledUnset enableFlag = iota
	enabledTrue
	enabledFalse
)

func (e *enableFlag) IsBoolFlag() bool { return true }

func (e *enableFlag) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return errors.New("want true or false")
	}
	*e = enabledFalse
	if b {
		*e = enabledTrue
	}
	return nil
}

func (e *enableFlag) String() string {
	if e != nil && *e == enabledFalse {
		return "false"
	}
	return "true"
}
