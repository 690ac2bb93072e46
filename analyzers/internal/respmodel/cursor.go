package respmodel

import (
	"go/ast"
	"reflect"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// InspectBody calls f, in preorder, for each node of one of the given types
// (such as (*ast.CallExpr)(nil)) in the body of fn, a function declaration
// or literal of the package, and descends into a node only if f returns
// true for it. It goes through the package's inspector, which skips the
// subtrees that hold none of those types, where ast.Inspect would visit
// every identifier.
func (r *Result) InspectBody(fn ast.Node, types []ast.Node, f func(ast.Node) bool) {
	body := FuncBody(fn)
	if body == nil {
		return
	}
	bc, ok := bodyCursor(r.funcs, fn, body)
	if !ok {
		ast.Inspect(body, filtered(types, f))
		return
	}
	bc.Inspect(types, func(c inspector.Cursor) bool { return f(c.Node()) })
}

// inspectFunc calls f, in preorder, for each node of one of the given
// types in fn, a function declaration or literal of the package, as
// ast.Inspect(fn, ...) would for them, and descends into a node only if f
// returns true for it.
func (m *model) inspectFunc(fn ast.Node, types []ast.Node, f func(ast.Node) bool) {
	c, ok := m.funcs[fn]
	if !ok {
		ast.Inspect(fn, filtered(types, f))
		return
	}
	c.Inspect(types, func(c inspector.Cursor) bool { return f(c.Node()) })
}

// filtered returns a function for ast.Inspect that calls f for the nodes of
// the given types and descends into the others.
func filtered(types []ast.Node, f func(ast.Node) bool) func(ast.Node) bool {
	return func(n ast.Node) bool {
		return n == nil || !slices.ContainsFunc(types, func(t ast.Node) bool { return reflect.TypeOf(t) == reflect.TypeOf(n) }) || f(n)
	}
}

// bodyCursor returns the cursor of body, the body of fn, given the cursors
// of the package's functions.
func bodyCursor(funcs map[ast.Node]inspector.Cursor, fn ast.Node, body *ast.BlockStmt) (inspector.Cursor, bool) {
	fc, ok := funcs[fn]
	if !ok || body == nil {
		return inspector.Cursor{}, false
	}
	return fc.Child(body), true
}
