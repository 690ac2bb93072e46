package respmodel

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// fiberStoreEvent models session.New(config...) of fiber v2's session
// middleware kept in a variable or field: the session cookie its saved
// sessions carry, with fiber's defaults (httpfw.FiberSessionName and
// its comment) and the fields of a Config literal given to it. A store
// whose Config the model cannot read, that writes its session id in a
// header, that is left to other packages, or from which the package
// saves no session yields no event.
func (m *model) fiberStoreEvent(call *ast.CallExpr, fn *types.Func, stack []ast.Node) *Event {
	if fn.Name() != "New" || call.Ellipsis.IsValid() || len(call.Args) > 1 {
		return nil
	}
	c := newCookie(httpfw.FiberSessionV2, StoreDefaults, "session.Config")
	c.Session = true
	lookup := ""
	if len(call.Args) == 1 {
		lit := m.fiberConfigLit(call.Args[0])
		if lit == nil {
			return nil
		}
		s := &scope{node: lit, params: map[*types.Var]int{}}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return nil
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				return nil
			}
			if _, _, names := httpfw.FiberSessionLookup(id.Name, ""); names {
				tv := m.info.Types[kv.Value]
				if tv.Value == nil || tv.Value.Kind() != constant.String {
					return nil
				}
				if v, prefer, _ := httpfw.FiberSessionLookup(id.Name, constant.StringVal(tv.Value)); prefer || lookup == "" {
					lookup = v
				}
			} else if f := httpfw.FiberSessionField(id.Name); f != "" {
				m.setField(c, f, kv.Value, s)
			}
		}
		if ast.Unparen(call.Args[0]) == lit {
			c.syn.lit = lit
		}
	}
	name, cookie, ok := httpfw.FiberSessionKey(lookup)
	if !ok || !cookie {
		return nil // a header carries the session id, or New panics
	}
	c.Name = knownStr(name)
	target, stmt, obj := m.storeObject(call, stack)
	if obj == nil || m.deferStore(obj) {
		return nil
	}
	// The Store embeds its Config: store.CookieHTTPOnly = true.
	for _, fa := range m.defs.fields[obj] {
		path := fa.path
		if len(path) > 0 && path[0] == httpfw.FiberSessionConfig {
			path = path[1:]
		}
		if len(path) == 0 {
			return nil // the Config replaced
		}
		if f := httpfw.FiberSessionField(path[0]); f != "" && len(path) == 1 {
			m.fieldAssign(c, f, fa)
		}
	}
	if !m.fiberSaved(storeKey(obj)) {
		return nil
	}
	c.syn.decl, c.syn.call, c.syn.store, c.syn.sink = call, call, target, stmt
	return &Event{Kind: SetCookie, Framework: httpfw.FiberSessionV2, Cookie: c, call: call, node: call, Value: absent()}
}

// fiberConfigLit returns the session.Config literal e is, directly or
// through a local variable defined once as one and not changed after.
func (m *model) fiberConfigLit(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		obj, ok := m.info.Uses[id].(*types.Var)
		if !ok || obj.Parent() == nil || obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() ||
			len(m.defs.fields[obj]) > 0 || m.defs.addrTaken[obj] || len(m.defs.assigns[obj]) > 1 {
			return nil
		}
		rhs, ok := m.defs.single(obj)
		if !ok || rhs == nil {
			return nil
		}
		e = ast.Unparen(rhs)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok || pkgPathOfType(m.info.TypeOf(lit)) != httpfw.PathFiberV2Session {
		return nil
	}
	return lit
}

// fiberSaved reports whether the package saves a session that may come
// from the store with key k: one got from it, or from a store the model
// cannot tell. For a store with no key, any save counts.
func (m *model) fiberSaved(k string) bool {
	u := m.storeUses()
	if k == "" {
		for _, n := range u.all {
			if n > 0 {
				return true
			}
		}
		return false
	}
	return u.all[k]+u.all[""] > 0
}
