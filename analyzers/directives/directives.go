package directives

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/docx"
	"github.com/resplint/resplint/analyzers/internal/suppress"
)

//go:embed doc.go
var doc string

// New returns a directives analyzer for which the analyzers named known
// are the ones that directives may name.
func New(known ...string) *analysis.Analyzer {
	c := &checker{known: slices.Sorted(slices.Values(known))}
	return &analysis.Analyzer{
		Name: "directives",
		Doc:  docx.Extract(doc, "directives"),
		URL:  "https://github.com/resplint/resplint/blob/main/docs/integrations.md#suppressing-findings",
		Run:  c.run,
	}
}

type checker struct {
	known []string // sorted
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		for _, d := range suppress.Parse(f) {
			c.check(pass, d)
		}
	}
	return nil, nil
}

// check reports what is wrong with directive d, at most once per kind.
func (c *checker) check(pass *analysis.Pass, d *suppress.Directive) {
	report := func(category, msg string) {
		pass.Report(analysis.Diagnostic{Pos: d.Comment.Pos(), End: d.Comment.End(), Category: category, Message: msg})
	}
	if d.Malformed != "" {
		report(catSyntax, d.Malformed)
		return
	}
	var unknown []string
	for _, name := range d.Names {
		if _, found := slices.BinarySearch(c.known, name); !found && !slices.Contains(unknown, name) {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		s := ""
		if len(unknown) > 1 {
			s = "s"
		}
		report(catUnknown, fmt.Sprintf("//resplint:ignore names unknown analyzer%s %s, which it does not suppress; the analyzers are %s",
			s, quoteAll(unknown), strings.Join(c.known, ", ")))
	}
	if d.Reason == "" {
		report(catReason, fmt.Sprintf("//resplint:ignore %s has no reason, so it suppresses nothing: write why the finding does not apply after the names",
			strings.Join(d.Names, ",")))
	}
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
