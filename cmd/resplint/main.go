// Command resplint reports mistakes in hand-built HTTP responses: cookies
// without HttpOnly, Secure or SameSite, raw JSON that leaks secret fields,
// downloads without Content-Disposition, per-user data without private
// cache headers, and headers set after the body.
//
// Usage:
//
//	resplint [flags] packages...   analyse packages (go list patterns)
//	resplint help [analyzer...]    describe the analyzers and their flags
//	resplint help lsp              describe the language server
//	resplint [flags] lsp           run the language server on stdin/stdout
//	resplint version               print the version (also: -version)
//
// Diagnostics are printed to standard error, one a line:
//
//	path:line:col: message (analyzer/category)
//
// with -json, as the JSON of go vet -json on standard output; with
// -sarif, as SARIF 2.1.0 for GitHub code scanning on standard output;
// -fix applies their first suggested fixes, and -diff prints those fixes
// as a unified diff instead. -NAME=false disables analyzer NAME; -NAME
// runs only the analyzers so named; -NAME.flag=value sets an analyzer's
// option.
//
// A comment "//resplint:ignore NAME[,NAME] reason" on the line of a
// diagnostic or the line above suppresses the named analyzers there.
//
// Exit status: 1 when loading, type-checking, analysis or fixing failed;
// 2 for bad usage; otherwise 3 when diagnostics were reported as text, or
// when -diff printed a change, and 0 else. -fix, -json and -sarif exit 0
// whatever the diagnostics: -fix has applied what it could, and the
// others' output is for a program that judges it.
//
// The same binary works as the analysis tool of the go command:
//
//	go vet -vettool=$(which resplint) ./...
//	go fix -fixtool=$(which resplint) ./...
package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"runtime"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/internal/driver"
)

// Exit statuses of the standalone command.
const (
	exitOK       = 0
	exitError    = 1 // loading, type-checking, analysis or fixing failed
	exitUsage    = 2
	exitFindings = 3 // diagnostics were reported, or -diff printed a change
)

func main() {
	// Nothing reads a heap profile, and sampling the allocations of a
	// run for one costs about 5% of its CPU.
	runtime.MemProfileRate = 0
	all := analyzers.All()
	driver.Prepare(all)
	if invokedByGoCommand(os.Args[1:]) {
		unitchecker.Main(all...) // does not return
	}
	os.Exit(run(os.Args[1:], all, os.Stdout, os.Stderr))
}

// run runs the standalone command and returns its exit status.
func run(args []string, all []*analysis.Analyzer, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, all, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage // parseFlags has printed the error
	}
	if opts.version {
		return printVersion(stdout, stderr, opts.args)
	}
	if len(opts.args) == 0 {
		usage(opts.flags)
		return exitUsage
	}
	switch opts.args[0] {
	case "help":
		return help(stdout, stderr, opts.flags, all, opts.args[1:])
	case "lsp":
		return serveLSP(opts, all, os.Stdin, stdout, stderr)
	case "version":
		return printVersion(stdout, stderr, opts.args[1:])
	default:
		return lint(opts, stdout, stderr)
	}
}
