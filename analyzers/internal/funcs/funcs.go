// Package funcs answers small questions about syntax: the function a
// call calls, the one a node is in, the statements a block or clause
// holds. respmodel, jsonvalue and the checks share it.
package funcs

import (
	"go/ast"
	"go/types"
)

// Called returns the function or method a call statically names (an
// interface method included), or nil.
func Called(info *types.Info, call *ast.CallExpr) *types.Func {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		fn, _ := info.Uses[f].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		fn, _ := info.Uses[f.Sel].(*types.Func)
		return fn
	case *ast.IndexExpr:
		return Called(info, &ast.CallExpr{Fun: f.X})
	case *ast.IndexListExpr:
		return Called(info, &ast.CallExpr{Fun: f.X})
	}
	return nil
}

// Enclosing returns the innermost function declaration or literal on
// stack, or nil.
func Enclosing(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return stack[i]
		}
	}
	return nil
}

// Stmts returns the statements of a block or of a case or comm clause,
// or nil for any other node.
func Stmts(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}
