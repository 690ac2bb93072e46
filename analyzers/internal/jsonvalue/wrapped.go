package jsonvalue

import (
	"go/ast"
	"go/types"
)

// Wrapped handlers: a wrapper applied at route registration
// (r.GET("/users", wrap(listUsers))) returns a closure that calls the
// function it is given and writes what that returns:
//
//	func wrap(h func(*gin.Context) (any, error)) gin.HandlerFunc {
//		return func(c *gin.Context) {
//			data, err := h(c)
//			...
//			c.JSON(200, Response{Data: data})
//		}
//	}
//
// The closure's body has a Called slot for data; at each call of the
// wrapper, it holds what the function passed returns.

// calledSlot returns a Called slot at steps when e, in the closure of
// scope s, is a result of calling a parameter of the function declaring
// the closure, directly or through a variable with one definition; nil
// otherwise.
func (m *Model) calledSlot(e ast.Expr, steps []string, s Scope) *Slot {
	lit, ok := s.Node.(*ast.FuncLit)
	if !ok || e == nil {
		return nil
	}
	e = ast.Unparen(e)
	call, _ := e.(*ast.CallExpr)
	result := 0
	if id, ok := e.(*ast.Ident); ok {
		obj, ok := m.info.Uses[id].(*types.Var)
		if !ok {
			return nil
		}
		if rhs := m.onlyValue(obj); rhs != nil {
			call, _ = ast.Unparen(rhs).(*ast.CallExpr)
		} else {
			call, result, _ = m.tupleDef(obj) // data, err := h(c)
		}
	}
	if call == nil {
		return nil
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	h, ok := m.info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	if p := m.wrapperParam(lit, h); p >= 0 {
		return &Slot{Steps: steps, Param: p, Elem: -1, Called: true, Result: result}
	}
	return nil
}

// wrapperParam returns the index of h among the parameters of the
// function declaration enclosing lit, or -1.
func (m *Model) wrapperParam(lit *ast.FuncLit, h *types.Var) int {
	cur, ok := m.insp.Root().FindNode(lit)
	if !ok {
		return -1
	}
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fn, ok := m.info.Defs[c.Node().(*ast.FuncDecl).Name].(*types.Func)
		if !ok {
			return -1
		}
		params := fn.Signature().Params()
		for i := range params.Len() {
			if params.At(i) == h {
				return i
			}
		}
	}
	return -1
}

// calledSlots resolves sl, a Called slot, at call, a call of the
// wrapper: one slot for each value the function passed as the argument
// returns as the result, with what the value is empty in there. The
// function is a literal, a function of the package, or one of another
// package with a ReturnsFact.
func (m *Model) calledSlots(sl *Slot, call *ast.CallExpr) []*Slot {
	if sl.Param >= len(call.Args) {
		return nil
	}
	var out []*Slot
	add := func(v *Value) { out = append(out, &Slot{Steps: sl.Steps, Param: -1, Elem: -1, value: v}) }
	fn, ft, body, s := m.funcArg(call.Args[sl.Param])
	if body != nil {
		m.returnsOf(ft, body, sl.Result, func(e ast.Expr, _ *ast.ReturnStmt) { add(m.jsonValue(e, s)) })
		return out
	}
	if fn != nil {
		for _, f := range m.importedReturns(fn) {
			if f.Result == sl.Result {
				add(&Value{Param: -1, Cleared: f.Cleared, typ: f.typ})
			}
		}
	}
	return out
}

// funcArg returns the function e names, and its type, body and scope
// when it is a literal or a function or method of the package.
func (m *Model) funcArg(e ast.Expr) (*types.Func, *ast.FuncType, *ast.BlockStmt, Scope) {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return nil, x.Type, x.Body, m.host.Scope(x)
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel // pkg.F, or a method value h.List
	default:
		return nil, nil, nil, Scope{}
	}
	fn, ok := m.info.Uses[id].(*types.Func)
	if !ok {
		return nil, nil, nil, Scope{}
	}
	fn = fn.Origin()
	if d, ok := m.decls[fn]; ok {
		return fn, d.Type, d.Body, m.host.Scope(d)
	}
	return fn, nil, nil, Scope{}
}

// returnsOf calls f with each value that the function of type ft and
// body returns as its result i, but nil and constants, on the returns
// that do not answer an error (see errorReturns): a wrapper writes an
// error then.
func (m *Model) returnsOf(ft *ast.FuncType, body *ast.BlockStmt, i int, f func(e ast.Expr, ret *ast.ReturnStmt)) {
	failed := m.errorReturns(ft, body, nil)
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if failed[x] || i >= len(x.Results) || len(x.Results) != ft.Results.NumFields() {
				return false
			}
			e := x.Results[i]
			if tv, ok := m.info.Types[e]; ok && !tv.IsNil() && tv.Value == nil {
				f(e, x)
			}
		}
		return true
	})
}
