package respmodel

import (
	"go/ast"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// bodyReadEvent completes ev for a read of the request body. A decoder or
// reader must be reading r.Body (directly, through a variable, or wrapped
// as in http.MaxBytesReader(w, r.Body, n)).
func (m *model) bodyReadEvent(ev *Event, a httpfw.Call, call *ast.CallExpr) []*Event {
	switch {
	case a.BindsAll:
		if len(call.Args) != 1 || !httpfw.BindsOnlyBody(m.info.TypeOf(call.Args[0])) {
			return nil
		}
	case a.Path == "encoding/json":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !m.readsRequestBody(sel.X, 0) {
			return nil
		}
	case a.Arg >= 0:
		if a.Arg >= len(call.Args) || !m.readsRequestBody(call.Args[a.Arg], 0) {
			return nil
		}
	}
	ev.Kind = ReadBody
	return []*Event{ev}
}

// readsRequestBody reports whether e is, or reads from, a request's Body
// field: r.Body, json.NewDecoder(r.Body), io.LimitReader(r.Body, n).
func (m *model) readsRequestBody(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return x.Sel.Name == "Body" && httpfw.IsNamed(m.info.TypeOf(x.X), httpfw.PathNetHTTP, "Request")
	case *ast.Ident:
		if obj := m.info.Uses[x]; obj != nil {
			if rhs, ok := m.defs.single(obj); ok && rhs != nil {
				return m.readsRequestBody(rhs, depth+1)
			}
		}
	case *ast.CallExpr:
		for _, arg := range x.Args {
			if m.readsRequestBody(arg, depth+1) {
				return true
			}
		}
	}
	return false
}
