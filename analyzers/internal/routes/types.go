package routes

import (
	"go/ast"
	"go/types"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
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
		return httpfw.HandlerKind(u) != 0
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		return httpfw.HandlerKind(sig) != 0
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

// UseKind returns the framework whose middleware the Use method of a
// router or group of type t takes, or 0 where it has none (ServeMux):
// NetHTTP for func(http.Handler) http.Handler (chi, gorilla/mux), the
// framework of a handler (gin's HandlerFunc, fiber v2's Handler) or of
// the handler that a function of handlers takes (echo's MiddlewareFunc).
// fiber's Use takes ...any: the handlers of its package.
func UseKind(t types.Type) httpfw.Framework {
	use := method(t, httpfw.UseMethod)
	if use == nil || use.Params().Len() == 0 || !use.Variadic() {
		return 0
	}
	elem := use.Params().At(use.Params().Len() - 1).Type().(*types.Slice).Elem()
	if it, ok := elem.Underlying().(*types.Interface); ok && it.Empty() {
		if tn := NamedOf(t); tn != nil && tn.Pkg() != nil {
			if f := httpfw.Package(tn.Pkg().Path()); httpfw.Of(f).UseAny {
				return f // fiber's Use(args ...any) takes its handlers
			}
		}
		return 0
	}
	sig, ok := elem.Underlying().(*types.Signature)
	if !ok {
		return 0
	}
	if k := httpfw.HandlerKind(sig); k != 0 {
		return k
	}
	if sig.Params().Len() == 1 && sig.Results().Len() == 1 {
		if hasServeHTTP(sig.Params().At(0).Type()) && types.IsInterface(sig.Params().At(0).Type()) {
			return httpfw.NetHTTP
		}
		if h, ok := sig.Params().At(0).Type().Underlying().(*types.Signature); ok {
			return httpfw.HandlerKind(h)
		}
	}
	return 0
}

// method returns the signature of t's method name, or nil.
func method(t types.Type, name string) *types.Signature {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	if fn, ok := obj.(*types.Func); ok {
		return fn.Type().(*types.Signature)
	}
	return nil
}
