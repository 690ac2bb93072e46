package respmodel

import (
	"go/ast"
	"go/types"
)

// Default options of gorilla/sessions v1.4.0 stores (store.go):
// NewCookieStore sets Path "/", MaxAge 30 days, SameSite None and Secure;
// NewFilesystemStore sets only Path "/" and MaxAge 30 days. Neither sets
// HttpOnly.
func storeDefaults(constructor string) *Cookie {
	c := newCookie(GorillaSessions, StoreDefaults, "sessions.Options")
	c.Session = true
	c.Name = unknown(nil)
	c.Path = knownStr("/")
	c.MaxAge = knownInt(86400 * 30)
	switch constructor {
	case "NewCookieStore":
		c.SameSite = knownInt(httpSameSiteNone)
		c.Secure = knownBool(true)
	case "NewFilesystemStore":
	default:
		return nil
	}
	return c
}

// storeEvent models a store constructor call whose result is kept in a
// variable or field: the cookie its sessions get, after the package's
// assignments to that store's Options. A store that escapes (returned or
// passed on) or whose Options are replaced yields no event; the
// replacement literal is an event of its own.
func (m *model) storeEvent(call *ast.CallExpr, fn *types.Func, stack []ast.Node) *Event {
	c := storeDefaults(fn.Name())
	if c == nil {
		return nil
	}
	target, stmt := m.storeTarget(call, stack)
	if target == nil {
		return nil
	}
	obj := rootObject(m.info, target)
	if id, ok := target.(*ast.Ident); ok && obj == nil {
		obj = m.info.Defs[id]
	}
	if obj == nil {
		return nil
	}
	for _, fa := range m.defs.fields[obj] {
		if len(fa.path) == 0 || fa.path[0] != "Options" {
			continue
		}
		if len(fa.path) == 1 {
			return nil
		}
		m.optionAssign(c, fa)
	}
	c.syn.decl, c.syn.call, c.syn.store, c.syn.sink = call, call, target, stmt
	_, c.syn.local = stmt.(*ast.AssignStmt)
	if v, ok := obj.(*types.Var); ok && v.Parent() == v.Pkg().Scope() {
		c.syn.local = false
	}
	return &Event{Kind: SetCookie, Framework: GorillaSessions, Cookie: c, call: call, node: call, Value: absent()}
}

// storeTarget returns the variable or field a constructor's result is
// stored in, and the statement or declaration that stores it.
func (m *model) storeTarget(call *ast.CallExpr, stack []ast.Node) (ast.Expr, ast.Node) {
	var child ast.Node = call
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.AssignStmt:
			if len(p.Lhs) == len(p.Rhs) {
				for j, r := range p.Rhs {
					if r == child {
						return p.Lhs[j], p
					}
				}
			}
		case *ast.ValueSpec:
			for j, v := range p.Values {
				if v == child && len(p.Names) == len(p.Values) {
					return p.Names[j], p
				}
			}
		case *ast.KeyValueExpr:
			if p.Value == child {
				return p.Key, stack[i]
			}
		}
		return nil, nil
	}
	return nil, nil
}

// optionsEvent models a sessions.Options literal: the cookie of the store
// or session whose Options it becomes, with that store's later field
// assignments applied.
func (m *model) optionsEvent(lit *ast.CompositeLit, s *scope, stack []ast.Node) *Event {
	if m.pass.Pkg.Path() == pathSessions {
		return nil // the store defaults, modelled by storeDefaults
	}
	c := m.resolveCookie(lit, s, lit, 0)
	if c == nil || c.Framework != GorillaSessions {
		return nil
	}
	c.Session = true
	c.Name = unknown(nil)
	if target := m.optionsTarget(lit, stack); target != nil {
		if obj := rootObject(m.info, target); obj != nil {
			for _, fa := range m.defs.fields[obj] {
				if len(fa.path) == 2 && fa.path[0] == "Options" && fa.stmt.Pos() > lit.End() {
					m.optionAssign(c, fa)
				}
			}
		}
	}
	c.syn.sink = lit
	return &Event{Kind: SetCookie, Framework: GorillaSessions, Cookie: c, node: lit, Value: absent()}
}

// optionsTarget returns X for X.Options = &sessions.Options{...}.
func (m *model) optionsTarget(lit *ast.CompositeLit, stack []ast.Node) ast.Expr {
	var child ast.Node = lit
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr, *ast.UnaryExpr:
			child = p
			continue
		case *ast.AssignStmt:
			for j, r := range p.Rhs {
				if r == child && len(p.Lhs) == len(p.Rhs) {
					if sel, ok := ast.Unparen(p.Lhs[j]).(*ast.SelectorExpr); ok && sel.Sel.Name == "Options" {
						return sel.X
					}
				}
			}
		}
		return nil
	}
	return nil
}

// optionAssign applies X.Options.F = v to a store's cookie: an
// unconditional constant sets the field; anything else, such as
// `if insecure { store.Options.Secure = false }`, makes it Unknown.
func (m *model) optionAssign(c *Cookie, fa fieldAssign) {
	p := c.field(fa.path[1])
	if p == nil {
		return
	}
	v := unknown(fa.rhs)
	if fa.rhs != nil && !fa.conditional {
		if tv, ok := m.info.Types[fa.rhs]; ok && tv.Value != nil {
			if k, ok := fromConstant(tv.Value); ok {
				v = k.at(fa.rhs)
			}
		}
	}
	*p = v
}
