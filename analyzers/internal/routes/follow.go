package routes

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// seen guards the walks against cycles, and remembers what routers are
// covered at a point: a handler registered twice on one router is
// covered twice.
type seen struct {
	objs    map[types.Object]bool
	routers map[routerAt]bool     // whether a router is covered at a point
	walking map[types.Object]bool // routers whose coverage is being found
	served  map[types.Object]bool // see coveredWhereServed
	groups  map[types.Object]bool // routers whose group is being found (see groupOfObject)
}

// routerAt is a router, seen from a point of its routes.
type routerAt struct {
	obj types.Object
	at  point
}

func newSeen() *seen {
	return &seen{objs: make(map[types.Object]bool), routers: make(map[routerAt]bool), walking: make(map[types.Object]bool),
		served: make(map[types.Object]bool)}
}

// Func returns where a handler of this package, a function declaration
// or literal, is served. A handler that this package only calls directly
// is served nowhere: its callers, which include its events, are judged
// instead. One that other packages can use Escapes through itself, where
// they register it; one that no code uses is Unknown, unless it serves
// only methods other than GET and HEAD (see unregisteredSafe).
func (m *Model) Func(n ast.Node) Where {
	m.build()
	var w Where
	switch n := n.(type) {
	case *ast.FuncDecl:
		fn, ok := m.pass.TypesInfo.Defs[n.Name].(*types.Func)
		if !ok {
			w.Unknown = true
			return w
		}
		outside := m.outside(fn)
		w.Escapes = append(w.Escapes, outside...) // other packages may register it too
		sites, called := m.sites(fn)
		if len(sites) == 0 && !called && len(outside) == 0 && unregisteredSafe(n) {
			w.Unknown = true
		}
		m.followAll(sites, &w)
	case *ast.FuncLit:
		if cur, ok := m.lits[n]; ok {
			m.followAll([]inspector.Cursor{cur}, &w)
		}
	}
	return w
}

// Imported returns where a handler of another package is served in this
// one: fn is the handler (a function, a method, or a ServeHTTP method,
// whose values are those of its type) or a function that returns one.
func (m *Model) Imported(fn *types.Func) Where {
	m.build()
	var w Where
	sites, _ := m.sites(fn)
	m.followAll(sites, &w)
	return w
}

// sites returns the places where the value of a handler function flows:
// uses of it as a value, calls of it when it returns a handler, and, for
// a ServeHTTP method, the values of its type. called reports other calls.
func (m *Model) sites(fn *types.Func) (sites []inspector.Cursor, called bool) {
	sig := fn.Type().(*types.Signature)
	if recv := sig.Recv(); recv != nil && fn.Name() == "ServeHTTP" {
		if tn := NamedOf(recv.Type()); tn != nil {
			sites = append(sites, m.typeLits[tn]...)
		}
	}
	returns := sig.Results().Len() == 1 && HandlerLike(sig.Results().At(0).Type())
	for _, cur := range m.funcRefs(fn) {
		switch v, u := valueOf(cur); u {
		case useValue:
			sites = append(sites, v)
		case useCall:
			if returns {
				sites = append(sites, v.Parent())
			} else {
				called = true
			}
		}
	}
	return sites, called
}

func (m *Model) followAll(sites []inspector.Cursor, w *Where) {
	s := newSeen()
	for _, site := range sites {
		m.follow(site, s, w)
	}
}

// escape records that fn's callers, in other packages, decide where what
// it is or returns is served; in a main package, or for an unexported
// function, nobody else can call it and the handler is Unknown.
func (m *Model) escape(fn *types.Func, w *Where) {
	if outside := m.outside(fn); len(outside) > 0 {
		w.Escapes = append(w.Escapes, outside...)
	} else {
		w.Unknown = true
	}
}

// outside returns what other packages can call fn as: fn itself when it
// is exported, or, for a method of an unexported type, the methods of
// the package's exported interfaces that the type implements
// (func New() Provider { return &provider{} }; other packages call
// p.LoginHandler() through Provider).
func (m *Model) outside(fn *types.Func) []*types.Func {
	if m.exported(fn) {
		return []*types.Func{fn}
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil || !fn.Exported() || m.pass.Pkg.Name() == "main" {
		return nil
	}
	tn := NamedOf(recv.Type())
	if tn == nil || tn.Pkg() != m.pass.Pkg {
		return nil
	}
	var out []*types.Func
	scope := m.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		it, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !it.Exported() {
			continue
		}
		iface, ok := it.Type().Underlying().(*types.Interface)
		if !ok || !types.Implements(types.NewPointer(tn.Type()), iface) {
			continue
		}
		if im, _, _ := types.LookupFieldOrMethod(it.Type(), false, m.pass.Pkg, fn.Name()); im != nil {
			if im, ok := im.(*types.Func); ok && im.Pkg() == m.pass.Pkg {
				out = append(out, im)
			}
		}
	}
	return out
}

// follow follows the handler value at cur up to where it is registered.
func (m *Model) follow(cur inspector.Cursor, s *seen, w *Where) {
	info := m.pass.TypesInfo
	var lit *ast.CompositeLit // the route literal the handler is in, if any
	for range 64 {
		if l, ok := m.routeLiteral(cur); ok {
			lit = l.Node().(*ast.CompositeLit)
			if !literalServesGET(info, lit) {
				return
			}
			cur = l
			continue
		}
		parent := cur.Parent()
		k, idx := cur.ParentEdge()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr, *ast.StarExpr:
			cur = parent
			continue
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				cur = parent
				continue
			}
		case *ast.CallExpr:
			if k != edge.CallExpr_Args {
				break
			}
			if m.coveredCall(p, idx, s) {
				w.Covered = append(w.Covered, Route{Call: p})
				return
			}
			if IsConversion(info, p) || HandlerLike(info.TypeOf(p)) || carriesRoutes(info.TypeOf(p)) || isAppend(info, p) {
				cur = parent
				continue
			}
			if m.servesGET(parent, p, idx) {
				w.Routes = append(w.Routes, Route{Call: p, Lit: lit, Group: m.groupOf(p, s)})
			}
			return
		case *ast.AssignStmt:
			if k == edge.AssignStmt_Rhs && len(p.Lhs) == len(p.Rhs) {
				if obj := m.object(p.Lhs[idx]); obj != nil {
					m.followObject(obj, s, w)
					return
				}
			}
		case *ast.ValueSpec:
			if k == edge.ValueSpec_Values && len(p.Names) == len(p.Values) {
				if obj := info.Defs[p.Names[idx]]; obj != nil {
					m.followObject(obj, s, w)
					return
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := p.Key.(*ast.Ident); ok && k == edge.KeyValueExpr_Value {
				if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
					m.followObject(v, s, w)
					return
				}
			}
		case *ast.CompositeLit:
			if carriesRoutes(info.TypeOf(p)) && k == edge.CompositeLit_Elts {
				cur = parent // a route in a slice of them
				continue
			}
			if st, ok := underlying(info.TypeOf(p)).(*types.Struct); ok && idx < st.NumFields() {
				m.followObject(st.Field(idx), s, w)
				return
			}
		case *ast.ReturnStmt:
			m.followReturn(parent, s, w)
			return
		}
		break
	}
	w.Unknown = true
}

// followObject follows a handler stored in a variable or field wherever
// that value goes.
func (m *Model) followObject(obj types.Object, s *seen, w *Where) {
	if s.objs[obj] {
		return
	}
	s.objs[obj] = true
	var sites []inspector.Cursor
	called := false
	for _, cur := range m.refs[obj] {
		switch v, u := valueOf(cur); u {
		case useValue:
			sites = append(sites, v)
		case useCall:
			called = true
		}
	}
	for _, site := range sites {
		m.follow(site, s, w)
	}
	if len(sites) == 0 && !called {
		w.Unknown = true
	}
}

// followReturn follows a handler returned by a function declaration to
// the calls of that function.
func (m *Model) followReturn(ret inspector.Cursor, s *seen, w *Where) {
	for fn := range ret.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		d, ok := fn.Node().(*ast.FuncDecl)
		if !ok {
			break
		}
		obj, ok := m.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if !ok {
			break
		}
		if s.objs[obj] {
			return
		}
		s.objs[obj] = true
		calls := 0
		for _, cur := range m.refs[obj] {
			if v, u := valueOf(cur); u == useCall {
				calls++
				m.follow(v.Parent(), s, w)
			}
		}
		if calls == 0 {
			m.escape(obj, w)
		}
		return
	}
	w.Unknown = true
}

// isAppend reports whether call is of the builtin append: the handler
// joins a chain that goes on (r.POST("/x", append(mws, h)...)).
func isAppend(info *types.Info, call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "append"
}
