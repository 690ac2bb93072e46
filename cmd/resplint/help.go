package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// subcommandHelp is the help text of the subcommands other than help.
// No analyzer has these names: the command line could not tell them apart.
var subcommandHelp = map[string]string{
	"lsp": `resplint lsp: a language server for editors

Usage: resplint [flags] lsp

Serves the Language Server Protocol (3.17) on standard input and output,
next to gopls, which it leaves everything else to. It reports resplint's
diagnostics when a Go file is opened or saved, each linked to the page of
its check, and offers their suggested fixes as quick fixes. A save
re-analyses only the saved package and the open packages that import it.

Settings: the flags on the command line (-test, -tags, -NAME,
-NAME.FLAG) apply first; the client's initializationOptions override
them, in the same form, e.g. {"cookieflags": {"names": "sess|auth"}},
{"disable": ["privatecache"]}, {"tests": false}, {"tags": "integration"}.
It logs to standard error. Setup for VS Code, Neovim, Helix and Zed:
https://github.com/resplint/resplint/blob/main/docs/editors.md
`,
	"version": `resplint version: print the version

Usage: resplint version (or resplint -version)

Prints the version of the module resplint was built from: the version it
was installed at (go install ...@v1.2.0), the pseudo-version the go
command derived from the repository it was built in, or "(devel)" and the
VCS revision. SARIF output carries the same version.
`,
}

// help implements "resplint help [analyzer... | lsp | version]".
func help(stdout, stderr io.Writer, fs *flag.FlagSet, all []*analysis.Analyzer, names []string) int {
	if len(names) == 0 {
		overview(stdout, fs, all)
		return exitOK
	}
	for _, name := range names {
		_, isSub := subcommandHelp[name]
		if !isSub && !slices.ContainsFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name }) {
			fmt.Fprintf(stderr, "resplint: unknown analyzer or command %q; run 'resplint help' for the list\n", name)
			return exitUsage
		}
	}
	for i, name := range names {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if text, ok := subcommandHelp[name]; ok {
			fmt.Fprint(stdout, text)
			continue
		}
		describe(stdout, fs, all[slices.IndexFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name })])
	}
	return exitOK
}

// overview prints what the command does, its analyzers and its own flags.
func overview(w io.Writer, fs *flag.FlagSet, all []*analysis.Analyzer) {
	fmt.Fprint(w, `resplint reports mistakes in hand-built HTTP responses.

Usage:
  resplint [flags] packages...                 analyse packages
  resplint help [analyzer...]                  describe analyzers
  resplint [flags] lsp                         language server for editors (stdio)
  resplint version                             print the version (also -version)
  resplint help lsp | version                  describe a command
  go vet -vettool=$(which resplint) [flags] packages...
  go fix -fixtool=$(which resplint) [flags] packages...

Analyzers:
`)
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, func(a, b *analysis.Analyzer) int { return strings.Compare(a.Name, b.Name) })
	for _, a := range sorted {
		fmt.Fprintf(w, "  %-14s %s\n", a.Name, title(a))
	}
	fmt.Fprint(w, `
All analyzers run by default. -NAME runs only the analyzers so named;
-NAME=false runs all but NAME. -NAME.FLAG=value sets a flag of analyzer
NAME; 'resplint help NAME' lists them.

Output: text diagnostics on standard error, one a line,
  path:line:col: message (analyzer/category)
or, on standard output, with -json the JSON of go vet -json, with -sarif
SARIF 2.1.0 for GitHub code scanning.

Suppress a finding with a comment on its line or the line above:
  //resplint:ignore NAME[,NAME] reason

Exit status: 1 loading, type-checking, analysis or fixing failed; 2 bad
usage; otherwise 3 when diagnostics were reported (text) or a change was
printed (-diff), and 0 else; -fix, -json and -sarif exit 0 whatever the
diagnostics.

Flags:
`)
	printFlags(w, fs, func(name string) bool { return !strings.Contains(name, ".") })
}

// describe prints the documentation and flags of analyzer a.
func describe(w io.Writer, fs *flag.FlagSet, a *analysis.Analyzer) {
	fmt.Fprintf(w, "%s: %s\n", a.Name, title(a))
	if _, rest, ok := strings.Cut(a.Doc, "\n\n"); ok {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(rest))
	}
	prefix := a.Name + "."
	hasFlags := false
	a.Flags.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprint(w, "\nFlags:\n")
		printFlags(w, fs, func(name string) bool { return strings.HasPrefix(name, prefix) })
	}
}

// title returns the first paragraph of an analyzer's documentation.
func title(a *analysis.Analyzer) string {
	first, _, _ := strings.Cut(a.Doc, "\n\n")
	return strings.Join(strings.Fields(first), " ")
}

// printFlags prints the usage of the flags of fs whose names satisfy keep.
func printFlags(w io.Writer, fs *flag.FlagSet, keep func(name string) bool) {
	sub := flag.NewFlagSet(fs.Name(), flag.ContinueOnError)
	fs.VisitAll(func(f *flag.Flag) {
		if keep(f.Name) {
			sub.Var(f.Value, f.Name, f.Usage)
		}
	})
	sub.SetOutput(w)
	sub.PrintDefaults()
}
