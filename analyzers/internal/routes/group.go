package routes

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// groupOf returns the group a registration call registers on: the router
// it is a method of, or, for a function (http.HandleFunc, a helper that
// registers), that function.
func (m *Model) groupOf(call *ast.CallExpr, s *seen) Group {
	if x := m.receiver(call); x != nil {
		return m.groupOfExpr(x, call, s)
	}
	if fn := typeutil.Callee(m.pass.TypesInfo, call); fn != nil {
		return Group{Node: call, Obj: fn}
	}
	return Group{Node: call}
}

// groupOfExpr returns the group of the router expression x, used at at.
func (m *Model) groupOfExpr(x ast.Expr, at ast.Node, s *seen) Group {
	switch e := ast.Unparen(x).(type) {
	case *ast.StarExpr:
		return m.groupOfExpr(e.X, at, s)
	case *ast.UnaryExpr:
		return m.groupOfExpr(e.X, at, s)
	case *ast.CallExpr:
		if IsConversion(m.pass.TypesInfo, e) {
			return m.groupOfExpr(e.Args[0], at, s)
		}
		// r.With(mw).Get(...), r.Group("/v1").GET(...): a chain made
		// where it is used belongs to the router it derives from.
		if recv := m.receiver(e); recv != nil {
			return m.groupOfExpr(recv, at, s)
		}
		return Group{Node: e}
	case *ast.Ident, *ast.SelectorExpr:
		if obj := m.object(e); obj != nil {
			if s.groups == nil {
				s.groups = make(map[types.Object]bool)
			}
			return m.groupOfObject(obj, at, s.groups)
		}
	}
	return Group{Node: at}
}

// groupOfObject returns the group of the router held in obj.
func (m *Model) groupOfObject(obj types.Object, at ast.Node, seen map[types.Object]bool) Group {
	g := Group{Obj: obj, Node: at}
	if seen[obj] {
		return g // a cycle of mounts
	}
	seen[obj] = true
	defer delete(seen, obj)
	if v, ok := obj.(*types.Var); ok {
		if p, ok := m.params[v]; ok {
			switch fn := p.fn.Node().(type) {
			case *ast.FuncLit:
				// r.Route("/api", func(r chi.Router) {...}), r.Group(func(g chi.Router) {...})
				g.Node = m.idents[v]
				if k, _ := p.fn.ParentEdge(); k == edge.CallExpr_Args {
					call := p.fn.Parent().Node().(*ast.CallExpr)
					g.Node = call
					if recv := m.receiver(call); recv != nil {
						g.Deferred = m.groupOfExpr(recv, call, newSeenFrom(seen)).Deferred
					}
				}
			case *ast.FuncDecl:
				g.Node = m.idents[v]
				if arg := m.Passed(v); arg != nil {
					// bindUsers(admin): the routes join admin's group.
					return m.groupOfObject(arg, at, seen)
				}
				if f, ok := m.pass.TypesInfo.Defs[fn.Name].(*types.Func); ok && len(m.funcRefs(f)) == 0 && m.exported(f) {
					g.Deferred = &Deferred{Func: f, Param: p.index}
				}
			}
			if g.Node == nil {
				g.Node = at
			}
			return g
		}
	}
	if ds := m.defs[obj]; len(ds) > 0 {
		g.Node = ds[0] // chi.NewRouter(), r.Group("/admin"), r.PathPrefix("/a").Subrouter()
		if call, ok := ast.Unparen(ds[0]).(*ast.CallExpr); ok {
			if recv := m.receiver(call); recv != nil {
				g.Deferred = m.groupOfExpr(recv, call, newSeenFrom(seen)).Deferred
			}
		}
	} else if id := m.idents[obj]; id != nil {
		g.Node = id
	}
	if g.Deferred == nil {
		g.Deferred = m.returned(obj)
	}
	if g.Deferred == nil {
		g.Deferred = m.mounted(obj, seen)
	}
	return g
}

// Passed returns, for a parameter v of a function declaration that the
// package only calls, and always with the same variable or field as v's
// argument (bindUsers(admin) in each call), that variable or field; nil
// otherwise. A router passed so is the caller's router: routes
// registered on v, and groups made from it, belong with it. As
// elsewhere in the model, calls from other packages of an exported
// function the package calls itself are not considered.
func (m *Model) Passed(v *types.Var) types.Object {
	m.build()
	p, ok := m.params[v]
	if !ok {
		return nil
	}
	decl, ok := p.fn.Node().(*ast.FuncDecl)
	if !ok {
		return nil
	}
	f, ok := m.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return nil
	}
	var arg types.Object
	for _, cur := range m.funcRefs(f) {
		v, u := valueOf(cur)
		if u != useCall {
			return nil
		}
		call := v.Parent().Node().(*ast.CallExpr)
		if p.index >= len(call.Args) || call.Ellipsis.IsValid() {
			return nil
		}
		obj := m.object(call.Args[p.index])
		if obj == nil || arg != nil && obj != arg {
			return nil
		}
		arg = obj
	}
	return arg
}

// mounted returns, for a router mounted only on routers that a caller
// gives (a sub-router that a register(r chi.Router) function mounts on
// r), what the first of them is deferred to. A router mounted on one that
// is returned to the caller keeps its own group: its routes are reported
// where it is made rather than where the whole tree is served.
func (m *Model) mounted(obj types.Object, seen map[types.Object]bool) *Deferred {
	var w Where
	s := newSeenFrom(seen)
	for _, cur := range m.refs[obj] {
		if v, u := valueOf(cur); u == useValue {
			m.follow(v, s, &w)
		}
	}
	if w.Unknown || len(w.Escapes) > 0 || len(w.Routes) == 0 {
		return nil
	}
	for _, r := range w.Routes {
		if r.Group.Deferred == nil || r.Group.Deferred.Param < 0 {
			return nil
		}
	}
	return w.Routes[0].Group.Deferred
}

// returned returns, for a router whose only value uses return it from an
// exported function that this package never calls, that function.
func (m *Model) returned(obj types.Object) *Deferred {
	var d *Deferred
	for _, cur := range m.refs[obj] {
		v, u := valueOf(cur)
		if u != useValue {
			continue
		}
		if k, _ := v.ParentEdge(); k != edge.ReturnStmt_Results {
			return nil
		}
		var decl *ast.FuncDecl
		for fd := range v.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			decl, _ = fd.Node().(*ast.FuncDecl)
			break
		}
		if decl == nil {
			return nil
		}
		f, ok := m.pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if !ok || len(m.funcRefs(f)) > 0 || !m.exported(f) || d != nil && d.Func != f {
			return nil
		}
		d = &Deferred{Func: f, Param: -1}
	}
	return d
}

// exported reports whether other packages may call fn: it is exported,
// a method of an exported type, and not in a main package.
func (m *Model) exported(fn *types.Func) bool {
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		if tn := NamedOf(recv.Type()); tn == nil || !tn.Exported() {
			return false
		}
	}
	return fn.Exported() && m.pass.Pkg.Name() != "main"
}

// servedRouter follows the router that the call at cur returns. Where it
// is mounted on a router, its routes join that router's group; where it
// is served as it is (http.ListenAndServe(addr, router.New()), a
// server's Handler field), the call itself stands for its group.
func (m *Model) servedRouter(cur inspector.Cursor, s *seen, w *Where) {
	var sub Where
	m.follow(cur, s, &sub)
	call := cur.Node().(*ast.CallExpr)
	for _, r := range sub.Routes {
		if _, ok := r.Group.Obj.(*types.Func); ok {
			r.Group = Group{Node: call}
		}
		w.Routes = append(w.Routes, r)
	}
	if sub.Unknown {
		w.Routes = append(w.Routes, Route{Call: call, Group: Group{Node: call}})
	}
	w.Escapes = append(w.Escapes, sub.Escapes...)
	w.Covered = append(w.Covered, sub.Covered...)
}

// Deferrals returns where the routes that d's function defers to its
// callers are served in this package: the routers that calls give it
// (register(r), r.Route("/api", register)) or that it returns to them.
func (m *Model) Deferrals(d Deferred) Where {
	m.build()
	var w Where
	s := newSeen()
	for _, cur := range m.funcRefs(d.Func) {
		v, u := valueOf(cur)
		switch {
		case u == useCall && d.Param < 0:
			m.servedRouter(v.Parent(), s, &w)
		case u == useCall:
			call := v.Parent().Node().(*ast.CallExpr)
			if d.Param < len(call.Args) {
				m.registers(call, call.Args[d.Param], m.groupOfExpr(call.Args[d.Param], call, s), s, &w)
			}
		case u == useValue:
			if k, _ := v.ParentEdge(); k == edge.CallExpr_Args {
				call := v.Parent().Node().(*ast.CallExpr)
				if recv := m.receiver(call); recv != nil {
					m.registers(call, recv, m.groupOf(call, s), s, &w)
				}
			}
		}
	}
	return w
}

// registers adds to w the routes that call registers on the router x.
func (m *Model) registers(call *ast.CallExpr, x ast.Expr, g Group, s *seen, w *Where) {
	if m.coveredChain(x, at(call), s) {
		w.Covered = append(w.Covered, Route{Call: call, Group: g})
	} else {
		w.Routes = append(w.Routes, Route{Call: call, Group: g})
	}
}

// newSeenFrom returns a new seen that shares groups, the routers whose
// group is being found.
func newSeenFrom(groups map[types.Object]bool) *seen {
	s := newSeen()
	s.groups = groups
	return s
}
