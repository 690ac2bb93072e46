package suppress

import (
	"go/ast"
	"go/token"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Apply changes the Run function of analyzer a so that it drops its
// diagnostics on lines where a valid directive names it.
//
// Run sees a copy of its pass whose Report filters; the directives of a
// package are read only if the analyzer reports something there.
func Apply(a *analysis.Analyzer) {
	run, name := a.Run, a.Name
	a.Run = func(pass *analysis.Pass) (any, error) {
		suppressed := sync.OnceValue(func() lineSet { return suppressedLines(pass, name) })
		filtered := *pass
		filtered.Report = func(d analysis.Diagnostic) {
			if !suppressed().contains(pass.Fset, d.Pos) {
				pass.Report(d)
			}
		}
		return run(&filtered)
	}
}

// A lineSet is a set of lines of files.
type lineSet map[*token.File][]int

func (s lineSet) contains(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && slices.Contains(s[f], f.Line(pos))
}

// suppressedLines returns the lines of the package's files where valid
// directives suppress analyzer name: the line of each directive and, for
// a directive that begins its line, the line after it.
func suppressedLines(pass *analysis.Pass, name string) lineSet {
	s := make(lineSet)
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		for _, d := range Parse(f) {
			if d.Valid() && slices.Contains(d.Names, name) {
				line := tf.Line(d.Comment.Slash)
				s[tf] = append(s[tf], line)
				if beginsLine(f, tf, d.Comment) {
					s[tf] = append(s[tf], line+1)
				}
			}
		}
	}
	return s
}

// beginsLine reports whether no code precedes comment c on its line: no
// syntax node of f starts or ends between the start of the line and c.
func beginsLine(f *ast.File, tf *token.File, c *ast.Comment) bool {
	lineStart := tf.LineStart(tf.Line(c.Slash))
	begins := true
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.CommentGroup, *ast.Comment:
			return false
		}
		if !begins || n.End() <= lineStart || n.Pos() >= c.Slash {
			return false // no part of n lies before c on its line
		}
		if n.Pos() >= lineStart || n.End() <= c.Slash {
			begins = false
		}
		return begins
	})
	return begins
}
