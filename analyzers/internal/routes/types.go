package routes

import (
	"go/ast"
	"go/types"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// FuncLike reports whether values of t can be handlers or middleware:
// functions, or types with a ServeHTTP method.
func FuncLike(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	return hasServeHTTP(t)
}

// HandlerLike reports whether t is a handler of some framework: a
// function of a handler's shape, or an http.Handler.
func HandlerLike(t types.Type) bool {
	switch u := t.(type) {
	case nil, *types.Tuple:
		return false
	case *types.Signature:
		return respmodel.HandlerKind(u) != 0
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		return respmodel.HandlerKind(sig) != 0
	}
	return hasServeHTTP(t)
}

func hasServeHTTP(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	_, ok := obj.(*types.Func)
	return ok
}

// NamedOf returns the type name of t or *t, or nil.
func NamedOf(t types.Type) *types.TypeName {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// IsConversion reports whether call converts its one argument to a type.
func IsConversion(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType() && len(call.Args) == 1
}

// underlying is t's underlying type, or nil.
func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}
