package respmodel

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// StoreFact is exported, when the model analyses gorilla/sessions itself,
// for each store constructor: the default Options it gives its stores.
// Defaults differ across versions (v1.2 sets only Path and MaxAge; v1.3
// and v1.4 add Secure and SameSite=None), so they are read from the
// version the program builds with.
type StoreFact struct {
	Cookie *Cookie
}

func (*StoreFact) AFact() {}

func (*StoreFact) String() string { return "session store defaults" }

// exportStoreDefaults exports a StoreFact for each function of
// gorilla/sessions that returns a store built with an Options literal.
func (m *model) exportStoreDefaults() {
	if m.pass.Pkg.Path() != httpfw.PathSessions {
		return
	}
	for fn, d := range m.decls {
		if !strings.HasPrefix(fn.Name(), "New") || !strings.HasSuffix(fn.Name(), "Store") {
			continue
		}
		s := m.newScope(d)
		ast.Inspect(d.Body, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if c := m.resolveCookie(lit, s, lit, 0); c != nil && c.Framework == httpfw.GorillaSessions {
				m.pass.ExportObjectFact(fn, &StoreFact{Cookie: c.forCallers()})
				return false
			}
			return true
		})
	}
}

// storeDefaults returns the cookie a store constructor's sessions get:
// from its StoreFact or, when facts are not available, the defaults of
// gorilla/sessions v1.4.0 (store.go: NewCookieStore sets Path "/", MaxAge
// 30 days, SameSite None and Secure; NewFilesystemStore Path and MaxAge).
func (m *model) storeDefaults(fn *types.Func) *Cookie {
	var c *Cookie
	var fact StoreFact
	switch {
	case m.pass.ImportObjectFact(fn, &fact):
		cp := *fact.Cookie
		c = &cp
	case fn.Name() == "NewCookieStore" || fn.Name() == "NewFilesystemStore":
		c = newCookie(httpfw.GorillaSessions, StoreDefaults, "sessions.Options")
		c.Path = knownStr("/")
		c.MaxAge = knownInt(86400 * 30)
		if fn.Name() == "NewCookieStore" {
			c.SameSite = knownInt(httpSameSiteNone)
			c.Secure = knownBool(true)
		}
	default:
		return nil
	}
	c.Syntax = StoreDefaults
	c.Session = true
	c.Name = unknown(nil)
	return c
}

// storeEvent models a store constructor call whose result is kept in a
// variable or field: the cookie its sessions get, after the package's
// assignments to that store's Options. A store that escapes (returned or
// passed on) or whose Options are replaced yields no event; the
// replacement literal is an event of its own.
func (m *model) storeEvent(call *ast.CallExpr, fn *types.Func, stack []ast.Node) *Event {
	if httpfw.PkgPath(fn) == httpfw.PathFiberV2Session {
		return m.fiberStoreEvent(call, fn, stack)
	}
	c := m.storeDefaults(fn)
	if c == nil {
		return nil
	}
	target, stmt, obj := m.storeObject(call, stack)
	if obj == nil || m.optionsEscape()[obj] {
		return nil
	}
	for _, fa := range m.defs.fields[obj] {
		if len(fa.path) == 0 || fa.path[0] != "Options" {
			continue
		}
		if len(fa.path) == 1 {
			return nil
		}
		m.fieldAssign(c, fa.path[1], fa)
	}
	if m.deferStore(obj) {
		m.deferred = append(m.deferred, deferredStore{obj, &StoreVarFact{Cookie: c.forCallers(), Where: m.storeWhere(call)}})
		return nil
	}
	if m.storeUses().unreached(storeKey(obj)) {
		return nil // every session is saved with Options of its own
	}
	c.syn.decl, c.syn.call, c.syn.store, c.syn.sink = call, call, target, stmt
	_, c.syn.local = stmt.(*ast.AssignStmt)
	if v, ok := obj.(*types.Var); ok && v.Parent() == v.Pkg().Scope() {
		c.syn.local = false
	}
	return &Event{Kind: SetCookie, Framework: httpfw.GorillaSessions, Cookie: c, call: call, node: call, Value: absent()}
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
	c := m.resolveCookie(lit, s, lit, 0)
	if c == nil || c.Framework != httpfw.GorillaSessions {
		return nil
	}
	c.Session = true
	c.Name = unknown(nil)
	// Only Options given to a gorilla/sessions session or store are its
	// cookie: a custom store's own defaults may be replaced by code that
	// the model does not follow.
	target := m.optionsTarget(lit, stack)
	if target == nil || pkgPathOfType(m.info.TypeOf(target)) != httpfw.PathSessions {
		return nil
	}
	obj := rootObject(m.info, target)
	if obj == nil || m.optionsEscape()[obj] {
		return nil
	}
	for _, fa := range m.defs.fields[obj] {
		if len(fa.path) == 2 && fa.path[0] == "Options" && fa.stmt.Pos() > lit.End() {
			m.fieldAssign(c, fa.path[1], fa)
		}
	}
	c.syn.sink = lit
	return &Event{Kind: SetCookie, Framework: httpfw.GorillaSessions, Cookie: c, node: lit, Value: absent()}
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

// storeObject returns the variable or field a store constructor's result
// is kept in (see storeTarget), the statement that keeps it, and the
// object that holds it; obj is nil when there is none.
func (m *model) storeObject(call *ast.CallExpr, stack []ast.Node) (target ast.Expr, stmt ast.Node, obj types.Object) {
	target, stmt = m.storeTarget(call, stack)
	if target == nil {
		return nil, nil, nil
	}
	obj = rootObject(m.info, target)
	if id, ok := target.(*ast.Ident); ok && obj == nil {
		obj = m.info.Defs[id]
	}
	return target, stmt, obj
}

// fieldAssign applies an assignment to a store's cookie field, named as
// in http.Cookie (X.Options.Secure = v, a fiber store's
// X.CookieSecure = v): an unconditional constant sets the field;
// anything else, such as `if insecure { store.Options.Secure = false }`,
// makes it Unknown.
func (m *model) fieldAssign(c *Cookie, field string, fa fieldAssign) {
	p := c.field(field)
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

// optionsEscape returns the variables and fields X whose X.Options is
// used as a value — passed to a function, assigned elsewhere, or its
// address taken — and so may be changed where the model cannot see.
// It is computed once per package.
func (m *model) optionsEscape() map[types.Object]bool {
	if m.escapes != nil {
		return m.escapes
	}
	m.escapes = make(map[types.Object]bool)
	m.insp.WithStack([]ast.Node{(*ast.SelectorExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		sel := n.(*ast.SelectorExpr)
		if !push || sel.Sel.Name != "Options" {
			return true
		}
		obj := rootObject(m.info, sel.X)
		if obj == nil {
			return true
		}
		switch p := stack[len(stack)-2].(type) {
		case *ast.SelectorExpr:
			if p.X == sel {
				return true // X.Options.F
			}
		case *ast.AssignStmt:
			for _, l := range p.Lhs {
				if l == sel {
					return true // X.Options = ...
				}
			}
		}
		m.escapes[obj] = true
		return true
	})
	return m.escapes
}

// pkgPathOfType returns the package of the named type t or *t.
func pkgPathOfType(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return httpfw.PkgPath(n.Obj())
	}
	return ""
}
