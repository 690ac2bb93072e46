package respmodel

import (
	"go/ast"
	"go/types"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// argsCookie models a call that takes a cookie's attributes as
// positional arguments (httpfw.CookieArgs): its SameSite is the
// context's, set by an earlier call of the framework's SameSiteSetter.
func (m *model) argsCookie(a httpfw.Call, call *ast.CallExpr, s *scope) *Cookie {
	c := newCookie(a.Framework, ArgsSyntax, "")
	c.SameSite = m.contextSameSite(a.Framework, call, s)
	for i, f := range a.ArgFields {
		m.setField(c, f, call.Args[i], s) // a SameSite argument wins over the context's
	}
	c.syn.decl = call
	return c
}

// contextCookie models a SetCookie call through a framework's context
// (httpfw.Call.ContextSameSite): the context's SameSite replaces only an
// explicit http.SameSiteDefaultMode, so a zero SameSite stays unwritten.
func (m *model) contextCookie(c *Cookie, a httpfw.Call, call *ast.CallExpr, s *scope) {
	c.Framework = a.Framework
	if c.SameSite.State == Known && c.SameSite.Int == httpSameSiteDefault {
		c.SameSite = m.contextSameSite(a.Framework, call, s)
	}
}

// A sameSiteSet is a call that sets a framework context's SameSite
// (httpfw.SetSameSite).
type sameSiteSet struct {
	call       *ast.CallExpr
	framework  httpfw.Framework
	middleware bool // in a function that runs the next handler (c.Next())
}

// noteSameSite records call if it sets a context's SameSite; stack ends
// with it.
func (m *model) noteSameSite(call *ast.CallExpr, stack []ast.Node) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !httpfw.HasOp(sel.Sel.Name, httpfw.SetSameSite) {
		return
	}
	if fn := funcs.Called(m.info, call); fn != nil {
		if a, ok := httpfw.Lookup(fn); ok && a.Op == httpfw.SetSameSite {
			m.sameSites = append(m.sameSites, sameSiteSet{call, a.Framework, isMiddleware(m.info, funcs.Enclosing(stack), a.Framework)})
		}
	}
}

// contextSameSite is the SameSite mode a framework's context carries at
// call: the argument of the last call that sets it before call in the
// same function; Unknown if a middleware of the package sets it; Absent
// otherwise.
func (m *model) contextSameSite(f httpfw.Framework, call *ast.CallExpr, s *scope) Value {
	var last *ast.CallExpr
	middleware := false
	for _, set := range m.sameSites {
		switch {
		case set.framework != f:
		case set.call.Pos() >= s.node.Pos() && set.call.End() <= s.node.End() && set.call.Pos() < call.Pos():
			last = set.call
		case set.middleware:
			middleware = true
		}
	}
	switch {
	case last != nil && len(last.Args) == 1:
		return m.eval(last.Args[0], s.params)
	case middleware:
		return unknown(nil)
	}
	return absent()
}

// isMiddleware reports whether fn's body runs the next handler through
// framework f's context (gin's c.Next()).
func isMiddleware(info *types.Info, fn ast.Node, f httpfw.Framework) bool {
	found := false
	if fn != nil {
		ast.Inspect(fn, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if fn := funcs.Called(info, call); fn != nil {
					if a, ok := httpfw.Lookup(fn); ok && a.Op == httpfw.Delegate && a.Arg == httpfw.None && a.Framework == f {
						found = true
					}
				}
			}
			return !found
		})
	}
	return found
}
