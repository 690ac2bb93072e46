package respmodel

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// encoderWriter returns the writer an encoder (the receiver of call) was
// created on: X for json.NewEncoder(X).Encode(v), directly or through a
// variable with a single definition.
func (m *model) encoderWriter(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	method := funcs.Called(m.info, call)
	x := m.definition(sel.X)
	newCall, ok := x.(*ast.CallExpr)
	if !ok || len(newCall.Args) == 0 {
		return nil
	}
	fn := funcs.Called(m.info, newCall)
	if fn == nil || method == nil || fn.Pkg() != method.Pkg() || !strings.HasPrefix(fn.Name(), "New") {
		return nil
	}
	return newCall.Args[0]
}

// flushesResponse reports whether a Flush call acts on the response: the
// receiver is the response (gin's c.Writer, echo's Response), an
// assertion of it (w.(http.Flusher)) or http.NewResponseController(w),
// directly or through a variable.
func (m *model) flushesResponse(call *ast.CallExpr) (httpfw.Framework, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return 0, false
	}
	x := m.definition(sel.X)
	if f := m.writerFramework(x); f != 0 {
		return f, true
	}
	switch x := x.(type) {
	case *ast.TypeAssertExpr:
		f := m.writerFramework(x.X)
		return f, f != 0
	case *ast.CallExpr:
		if fn := funcs.Called(m.info, x); fn != nil && fn.Name() == "NewResponseController" && httpfw.PkgPath(fn) == httpfw.PathNetHTTP && len(x.Args) == 1 {
			f := m.writerFramework(x.Args[0])
			return f, f != 0
		}
	}
	return 0, false
}

// definition follows an identifier to the expression it is defined as,
// when it has one definition: x := e, var x = e, or the value of a
// comma-ok form (x, ok := w.(http.Flusher)).
func (m *model) definition(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	id, ok := e.(*ast.Ident)
	if !ok {
		return e
	}
	obj, ok := m.info.Uses[id].(*types.Var)
	if !ok {
		return e
	}
	if rhs, ok := m.defs.single(obj); ok && rhs != nil {
		return ast.Unparen(rhs)
	}
	as := m.defs.assigns[obj]
	if len(as) != 1 || m.defs.addrTaken[obj] {
		return e
	}
	if st, ok := as[0].stmt.(*ast.AssignStmt); ok && len(st.Rhs) == 1 && len(st.Lhs) == 2 {
		if l, ok := st.Lhs[0].(*ast.Ident); ok && m.info.ObjectOf(l) == obj {
			if ta, ok := ast.Unparen(st.Rhs[0]).(*ast.TypeAssertExpr); ok {
				return ta
			}
		}
	}
	return e
}

// sessionCookie is the cookie a gorilla/sessions Save writes: a session
// cookie whose attributes come from the store, unknown here.
// savedCookie is the cookie a session save writes: for a session made
// with empty Options (sessions.NewSession), those Options with the
// fields the package sets on them (sess.Options.MaxAge = 3600); for
// any other, a session cookie whose Options are not known here.
func (m *model) savedCookie(call *ast.CallExpr, a httpfw.Call) *Cookie {
	sess := m.savedSession(call, a)
	if sess == nil || m.newSession(sess) == nil || m.optionsEscape()[sess] {
		return sessionCookie()
	}
	c := newCookie(httpfw.GorillaSessions, EmptyOptions, "sessions.Options")
	c.Session = true
	c.Name = unknown(nil)
	for _, fa := range m.defs.fields[sess] {
		if len(fa.path) == 0 || fa.path[0] != "Options" {
			continue
		}
		if len(fa.path) == 1 {
			return sessionCookie() // replaced: the new Options are an event of their own
		}
		m.fieldAssign(c, fa.path[1], fa)
	}
	return c
}

func sessionCookie() *Cookie {
	c := newCookie(httpfw.GorillaSessions, 0, "sessions.Session")
	for _, p := range c.attrs() {
		*p = unknown(nil)
	}
	c.Session = true
	return c
}
