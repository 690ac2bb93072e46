package routes

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// Applications wrap a framework's router in their own type, and their
// middleware in their own function type (func(w, r) (context.Context,
// error)), which a method of the router makes into the framework's
// middleware before it hands it on: r.With(fn) calling
// r.chi.With(middleware(fn)), where middleware(fn) returns the method
// value fn.handler. Such a method is taken as the framework's call: the
// middleware it is given covers the routes of the router or group, as
// with the framework's Use and With.

// Forwarded returns, when arg is an argument of a call of a function or
// method of this package that hands the parameter receiving it on as a
// framework router's middleware (see forwards), the expressions in that
// function that make the middleware; nil otherwise.
func (m *index) Forwarded(arg ast.Expr) []ast.Expr {
	m.build()
	return m.forwarded[arg]
}

// A forward is what a function of the package does with a parameter:
// the middleware it makes of it for the framework (see forwards), and
// whether it puts that in use on the router the function is a method of
// (r.chi.Use(middleware(fn)) in a method of r).
type forward struct {
	made []ast.Expr
	use  bool
}

// indexForwards records Forwarded for the calls of the package, and
// puts the middleware given to a method that puts it in use on its
// router in use on the router the method is called on, whatever the
// method's name (see indexCall for those named Use).
func (m *index) indexForwards(calls []inspector.Cursor) {
	memo := make(map[*types.Func][]forward)
	for _, cur := range calls {
		call := cur.Node().(*ast.CallExpr)
		fn := typeutil.StaticCallee(m.pass.TypesInfo, call)
		if fn == nil || fn.Pkg() != m.pass.Pkg || call.Ellipsis.IsValid() {
			continue
		}
		fw, ok := memo[fn]
		if !ok {
			fw = m.forwards(fn)
			memo[fn] = fw
		}
		for i, a := range call.Args {
			if i >= len(fw) || len(fw[i].made) == 0 {
				continue
			}
			m.forwarded[a] = fw[i].made
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !fw[i].use || !ok || httpfw.AddsMiddleware(sel.Sel.Name) {
				continue
			}
			if obj := m.object(chainRouter(sel.X)); obj != nil {
				m.uses[obj] = append(m.uses[obj], middleware{expr: a, always: m.unconditional(cur), call: call})
			}
		}
	}
}

// unconditional reports whether the call at cur runs whenever its
// function does (see Unconditional).
func (m *index) unconditional(cur inspector.Cursor) bool {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return Unconditional(fn.Node(), cur.Node())
	}
	return true
}

// forwards returns, for each parameter of fn, a function declared in
// this package, the arguments of framework middleware calls in its body
// that are made from the parameter (see madeFrom): X.Use(mw) or
// X.With(mw) where X is a framework's router (UseKind) and the method's
// parameter has the type of Use's middleware.
func (m *index) forwards(fn *types.Func) []forward {
	d := m.decls[fn]
	if d == nil || d.Body == nil {
		return nil
	}
	info := m.pass.TypesInfo
	var recv types.Object
	if d.Recv != nil && len(d.Recv.List) == 1 && len(d.Recv.List[0].Names) == 1 {
		recv = info.Defs[d.Recv.List[0].Names[0]]
	}
	params := fn.Type().(*types.Signature).Params()
	out := make([]forward, params.Len())
	ast.Inspect(d.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		slot := m.middlewareSlot(call)
		if slot == nil {
			return true
		}
		sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		use := recv != nil && httpfw.AddsMiddleware(sel.Sel.Name) && selectorRoot(info, sel.X) == recv
		for _, a := range call.Args {
			if !types.Identical(info.TypeOf(a), slot) {
				continue
			}
			for i := range params.Len() {
				if m.madeFrom(a, params.At(i), 0) {
					out[i].made = append(out[i].made, a)
					out[i].use = out[i].use || use
				}
			}
		}
		return true
	})
	return out
}

// selectorRoot returns the variable that a selector chain (r.chi, r.mux.r)
// starts from, or nil.
func selectorRoot(info *types.Info, x ast.Expr) types.Object {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.Ident:
			return info.Uses[e]
		default:
			return nil
		}
	}
}

// middlewareSlot returns the type of the middleware that call, a method
// call on a framework's router (a type of another package with a Use
// method, see UseKind), takes as variadic arguments, when it is the type
// Use takes; nil otherwise.
func (m *index) middlewareSlot(call *ast.CallExpr) types.Type {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := m.pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.MethodVal || s.Obj().Pkg() == m.pass.Pkg {
		return nil
	}
	t := s.Recv()
	if UseKind(t) == 0 {
		return nil
	}
	use := method(t, httpfw.UseMethod)
	sig := s.Obj().Type().(*types.Signature)
	if !sig.Variadic() || sig.Params().Len() == 0 {
		return nil
	}
	elem := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice).Elem()
	uelem := use.Params().At(use.Params().Len() - 1).Type().(*types.Slice).Elem()
	if !types.Identical(elem, uelem) || types.IsInterface(elem) {
		return nil
	}
	return elem
}

// madeFrom reports whether e is the value of v, or is made from it: a
// conversion of it, one of its methods as a value (fn.handler), a call
// of a function of this package that returns what it makes of its
// argument (middleware(fn)), or a function literal that uses it.
func (m *index) madeFrom(e ast.Expr, v *types.Var, depth int) bool {
	if depth > 4 {
		return false
	}
	info := m.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[x] == v
	case *ast.SelectorExpr:
		if s, ok := info.Selections[x]; ok && s.Kind() == types.MethodVal {
			return m.madeFrom(x.X, v, depth+1)
		}
	case *ast.FuncLit:
		found := false
		ast.Inspect(x.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
				found = true
			}
			return !found
		})
		return found
	case *ast.CallExpr:
		if IsConversion(info, x) {
			return m.madeFrom(x.Args[0], v, depth+1)
		}
		fn := typeutil.StaticCallee(info, x)
		if fn == nil || fn.Pkg() != m.pass.Pkg || x.Ellipsis.IsValid() {
			return false
		}
		d := m.decls[fn]
		if d == nil || d.Body == nil {
			return false
		}
		params := fn.Type().(*types.Signature).Params()
		for i, a := range x.Args {
			if i >= params.Len() || !m.madeFrom(a, v, depth+1) {
				continue
			}
			returned := false
			ast.Inspect(d.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					for _, r := range n.Results {
						if m.madeFrom(r, params.At(i), depth+1) {
							returned = true
						}
					}
				}
				return !returned
			})
			if returned {
				return true
			}
		}
	}
	return false
}
