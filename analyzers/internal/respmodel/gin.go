package respmodel

import (
	"go/ast"
)

// ginCookie models gin v1.12.0's Context.SetCookie(name, value, maxAge,
// path, domain, secure, httpOnly): the SameSite attribute is the
// context's, set by an earlier SetSameSite call (reset to 0, which writes
// nothing, on every request).
func (m *model) ginCookie(call *ast.CallExpr, s *scope) *Cookie {
	c := newCookie(Gin, GinArgs, "")
	for i, f := range []string{"Name", "", "MaxAge", "Path", "Domain", "Secure", "HttpOnly"} {
		if f != "" {
			m.setField(c, f, call.Args[i], s)
		}
	}
	c.SameSite = m.ginSameSite(call, s)
	c.syn.decl = call
	return c
}

// ginCookieData models Context.SetCookieData(cookie): the context's
// SameSite replaces only an explicit http.SameSiteDefaultMode (v1.12.0
// context.go), so a zero SameSite stays unwritten.
func (m *model) ginCookieData(c *Cookie, call *ast.CallExpr, s *scope) {
	c.Framework = Gin
	if c.SameSite.State == Known && c.SameSite.Int == httpSameSiteDefault {
		c.SameSite = m.ginSameSite(call, s)
	}
}

// ginSameSite is the SameSite mode a gin context carries at call: the
// argument of the last SetSameSite before it in the same function;
// Unknown if the package calls SetSameSite elsewhere (middleware may set
// it); Absent otherwise.
func (m *model) ginSameSite(call *ast.CallExpr, s *scope) Value {
	var last *ast.CallExpr
	elsewhere := false
	for _, set := range m.ginSameSites {
		switch {
		case set.Pos() >= s.node.Pos() && set.End() <= s.node.End() && set.Pos() < call.Pos():
			last = set
		case set.Pos() < s.node.Pos() || set.End() > s.node.End():
			elsewhere = true
		}
	}
	switch {
	case last != nil && len(last.Args) == 1:
		return m.eval(last.Args[0], s.params)
	case elsewhere:
		return unknown(nil)
	}
	return absent()
}
