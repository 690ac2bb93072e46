// Package suppress implements //resplint:ignore directives:
//
//	//resplint:ignore NAME[,NAME] reason
//
// at the end of the line of a diagnostic, or on a line of its own just
// above it, drops the diagnostics of the analyzers so named there. A
// directive without a reason, or that is otherwise malformed, suppresses
// nothing; names that are not analyzers are ignored. The directives
// analyzer reports both.
//
// Suppression happens inside each analyzer's Run (see Apply), so every
// driver honours it: the standalone command, go vet and go fix, the
// golangci-lint plugin and SARIF output.
package suppress

import (
	"go/ast"
	"strings"
)

// Prefix begins every resplint directive.
const Prefix = "//resplint:"

// ignore is the one directive there is.
const ignore = Prefix + "ignore"

// Usage shows the form of a well-formed directive.
const Usage = ignore + " NAME[,NAME] reason"

// A Directive is a comment that is, or looks meant to be, a resplint
// directive.
type Directive struct {
	Comment *ast.Comment
	Names   []string // the analyzers named, in order
	Reason  string

	// Malformed says why the comment is not a directive at all, or is
	// empty. Such a comment suppresses nothing.
	Malformed string
}

// Valid reports whether the directive suppresses the analyzers it names:
// it is well formed and gives a reason.
func (d *Directive) Valid() bool { return d.Malformed == "" && d.Reason != "" }

// Parse returns the directives among the comments of f, including
// malformed ones and comments that look like misspelt directives
// ("// resplint:ignore ...").
func Parse(f *ast.File) []*Directive {
	var dirs []*Directive
	for _, group := range f.Comments {
		for _, c := range group.List {
			if d := parse(c); d != nil {
				dirs = append(dirs, d)
			}
		}
	}
	return dirs
}

// parse returns the directive that c is, or nil if it is none.
func parse(c *ast.Comment) *Directive {
	d := &Directive{Comment: c}
	text, ok := strings.CutPrefix(c.Text, Prefix)
	if !ok {
		body, line := strings.CutPrefix(c.Text, "//")
		if line && strings.HasPrefix(strings.TrimLeft(body, " \t"), "resplint:ignore") {
			d.Malformed = `"// resplint:ignore" is not a directive: write ` + ignore + ` with no space after "//"`
			return d
		}
		return nil
	}
	verb, args := text, ""
	if i := strings.IndexAny(text, " \t"); i >= 0 {
		verb, args = text[:i], text[i:]
	}
	if verb != "ignore" {
		d.Malformed = "unknown directive " + Prefix + verb + ": the only resplint directive is " + Usage
		return d
	}
	fields := strings.Fields(args)
	if len(fields) == 0 {
		d.Malformed = ignore + " needs the analyzers to suppress and a reason: " + Usage
		return d
	}
	d.Names = strings.Split(fields[0], ",")
	for _, name := range d.Names {
		if name == "" {
			d.Malformed = ignore + ` has an empty analyzer name in "` + fields[0] + `": ` + Usage
			return d
		}
	}
	d.Reason = strings.Join(fields[1:], " ")
	return d
}
