// Package rule describes the kinds of finding of an analyzer, which each
// check declares in its categories.go.
package rule

// A Category is one kind of finding of an analyzer: a value of the
// Category field of its diagnostics. Drivers that describe their rules,
// such as resplint -sarif, make a rule of each, named ANALYZER/CATEGORY.
type Category struct {
	Name        string
	Description string // one line: what is reported
}
