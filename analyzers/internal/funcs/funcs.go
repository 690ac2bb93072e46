// Package funcs finds the functions of syntax: the one a call calls, the
// one a node is in. respmodel and jsonvalue share it.
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
