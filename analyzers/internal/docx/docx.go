// Package docx extracts an analyzer's Doc from its package's doc.go, so
// that godoc and the analyzer's help text are one text.
package docx

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the section "# Analyzer name" of the package comment in
// the Go source docGo: its first line is "name: summary", the rest the
// details. It panics if there is none, which tests catch at once.
func Extract(docGo, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", docGo, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("docx: doc.go of %s has no package comment", name))
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name + "\n"
	i := strings.Index(text, heading)
	if i < 0 {
		panic(fmt.Sprintf("docx: doc.go has no %q section", strings.TrimSpace(heading)))
	}
	text = strings.TrimSpace(text[i+len(heading):])
	if j := strings.Index(text, "\n# "); j >= 0 {
		text = text[:j]
	}
	return strings.TrimPrefix(text, name+": ")
}
