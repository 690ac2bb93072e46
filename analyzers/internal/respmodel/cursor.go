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
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	if body == nil {
		return
	}
	bc, ok := bodyCursor(r.funcs, fn, body)
	if !ok {
		ast.Inspect(body, func(n ast.Node) bool {
			return n == nil || !slices.ContainsFunc(types, func(t ast.Node) bool { return reflect.TypeOf(t) == reflect.TypeOf(n) }) || f(n)
		})
		return
	}
	bc.Inspect(types, func(c inspector.Cursor) bool { return f(c.Node()) })
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
