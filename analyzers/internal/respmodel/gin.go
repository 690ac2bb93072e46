package respmodel

import (
	"go/ast"
	"go/types"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// ginCookie models gin v1.12.0's Context.SetCookie(name, value, maxAge,
// path, domain, secure, httpOnly): the SameSite attribute is the
// context's, set by an earlier SetSameSite call (reset to 0, which writes
// nothing, on every request).
func (m *model) ginCookie(call *ast.CallExpr, s *scope) *Cookie {
	c := newCookie(httpfw.Gin, GinArgs, "")
	for i, f := range []string{"Name", "Value", "MaxAge", "Path", "Domain", "Secure", "HttpOnly"} {
		m.setField(c, f, call.Args[i], s)
	}
	c.SameSite = m.ginSameSite(call, s)
	c.syn.decl = call
	return c
}

// ginCookieData models Context.SetCookieData(cookie): the context's
// SameSite replaces only an explicit http.SameSiteDefaultMode (v1.12.0
// context.go), so a zero SameSite stays unwritten.
func (m *model) ginCookieData(c *Cookie, call *ast.CallExpr, s *scope) {
	c.Framework = httpfw.Gin
	if c.SameSite.State == Known && c.SameSite.Int == httpSameSiteDefault {
		c.SameSite = m.ginSameSite(call, s)
	}
}

// A ginSameSite is a call of Context.SetSameSite.
type ginSameSite struct {
	call       *ast.CallExpr
	middleware bool // in a function that calls c.Next()
}

// ginSameSite is the SameSite mode a gin context carries at call: the
// argument of the last SetSameSite before it in the same function;
// Unknown if a middleware of the package sets it; Absent otherwise.
func (m *model) ginSameSite(call *ast.CallExpr, s *scope) Value {
	var last *ast.CallExpr
	middleware := false
	for _, set := range m.ginSameSites {
		switch {
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

// isGinMiddleware reports whether fn's body calls gin's Context.Next.
func isGinMiddleware(info *types.Info, fn ast.Node) bool {
	found := false
	if fn != nil {
		ast.Inspect(fn, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if f := calledFunc(info, call); f != nil && f.Name() == "Next" && httpfw.PkgPath(f) == httpfw.PathGin {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// enclosingFunc returns the innermost function on stack, or nil.
func enclosingFunc(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return stack[i]
		}
	}
	return nil
}
