package routes

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/types/typeutil"
)

// groupOf returns the group a registration call registers on: the router
// it is a method of, or, for a function (http.HandleFunc, a helper that
// registers), that function.
func (m *Model) groupOf(call *ast.CallExpr) Group {
	if x := m.receiver(call); x != nil {
		return m.groupOfExpr(x, call)
	}
	if fn := typeutil.Callee(m.pass.TypesInfo, call); fn != nil {
		return Group{Node: call, Obj: fn}
	}
	return Group{Node: call}
}

// groupOfExpr returns the group of the router expression x, used at at.
func (m *Model) groupOfExpr(x ast.Expr, at ast.Node) Group {
	switch e := ast.Unparen(x).(type) {
	case *ast.StarExpr:
		return m.groupOfExpr(e.X, at)
	case *ast.UnaryExpr:
		return m.groupOfExpr(e.X, at)
	case *ast.CallExpr:
		if IsConversion(m.pass.TypesInfo, e) {
			return m.groupOfExpr(e.Args[0], at)
		}
		g := Group{Node: e} // r.With(mw), r.Group("/admin")
		if recv := m.receiver(e); recv != nil {
			g.Deferred = m.groupOfExpr(recv, e).Deferred
		}
		return g
	case *ast.Ident, *ast.SelectorExpr:
		if obj := m.object(e); obj != nil {
			return m.groupOfObject(obj, at, make(map[types.Object]bool))
		}
	}
	return Group{Node: at}
}

// groupOfObject returns the group of the router held in obj.
func (m *Model) groupOfObject(obj types.Object, at ast.Node, seen map[types.Object]bool) Group {
	g := Group{Obj: obj, Node: at}
	if seen[obj] {
		return g
	}
	seen[obj] = true
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
						g.Deferred = m.groupOfExpr(recv, call).Deferred
					}
				}
			case *ast.FuncDecl:
				g.Node = m.idents[v]
				if f, ok := m.pass.TypesInfo.Defs[fn.Name].(*types.Func); ok && len(m.refs[f]) == 0 && m.exported(f) {
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
				g.Deferred = m.groupOfExpr(recv, call).Deferred
			}
		}
	} else if id := m.idents[obj]; id != nil {
		g.Node = id
	}
	if g.Deferred == nil {
		g.Deferred = m.returned(obj)
	}
	return g
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
		if !ok || len(m.refs[f]) > 0 || !m.exported(f) || d != nil && d.Func != f {
			return nil
		}
		d = &Deferred{Func: f, Param: -1}
	}
	return d
}

// exported reports whether other packages may call fn.
func (m *Model) exported(fn *types.Func) bool {
	return fn.Exported() && m.pass.Pkg.Name() != "main"
}

// Deferrals returns where the routes that d's function defers to its
// callers are served in this package: the routers that calls give it
// (register(r), r.Route("/api", register)) or that it returns to them.
func (m *Model) Deferrals(d Deferred) Where {
	m.build()
	var w Where
	s := newSeen()
	for _, cur := range m.refs[d.Func] {
		v, u := valueOf(cur)
		switch {
		case u == useCall && d.Param < 0:
			m.follow(v.Parent(), s, &w)
		case u == useCall:
			call := v.Parent().Node().(*ast.CallExpr)
			if d.Param < len(call.Args) && !m.coveredChain(call.Args[d.Param], s) {
				w.Routes = append(w.Routes, Route{Call: call, Group: m.groupOfExpr(call.Args[d.Param], call)})
			}
		case u == useValue:
			if k, _ := v.ParentEdge(); k == edge.CallExpr_Args {
				call := v.Parent().Node().(*ast.CallExpr)
				if recv := m.receiver(call); recv != nil && !m.coveredChain(recv, s) {
					w.Routes = append(w.Routes, Route{Call: call, Group: m.groupOf(call)})
				}
			}
		}
	}
	return w
}
