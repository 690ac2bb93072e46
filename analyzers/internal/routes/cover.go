package routes

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// coveredCall reports whether a call that receives the handler as
// argument idx applies a covering middleware to it: the called function
// is one (not one that puts middleware in use on the router it is given,
// which covers only what comes after it: see handedCover), another
// argument is one, or the router or chain it is a method
// of uses one.
func (m *Model) coveredCall(call *ast.CallExpr, idx int, s *seen) bool {
	if m.covers(call.Fun) && !m.routerParam(call, idx) {
		return true
	}
	for i, a := range call.Args {
		if i != idx && m.coversAny(a) {
			return true
		}
	}
	if x := m.receiver(call); x != nil {
		return m.coveredChain(x, at(call), s)
	}
	return false
}

// receiver returns X of a method call X.m(...), or nil.
func (m *Model) receiver(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s, ok := m.pass.TypesInfo.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return nil
	}
	return sel.X
}

// coveredChain reports whether the router, group or chain x has a
// covering middleware that reaches a route at p: given to a call that
// built it (r.With(mw), e.Group("/a", mw), alice.New(mw)), to the router
// it derives from, or in use on the variable or field that holds it.
func (m *Model) coveredChain(x ast.Expr, p point, s *seen) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		if IsConversion(m.pass.TypesInfo, x) {
			return m.coveredChain(x.Args[0], p, s)
		}
		for _, a := range x.Args {
			if m.coversAny(a) {
				return true
			}
		}
		if recv := m.receiver(x); recv != nil {
			if httpfw.MakesGroup(ast.Unparen(x.Fun).(*ast.SelectorExpr).Sel.Name) {
				p.made = x
			}
			return m.coveredChain(recv, p, s)
		}
	case *ast.StarExpr:
		return m.coveredChain(x.X, p, s)
	case *ast.UnaryExpr:
		return m.coveredChain(x.X, p, s)
	case *ast.Ident, *ast.SelectorExpr:
		if obj := m.object(x); obj != nil {
			return m.coveredRouter(obj, p, s)
		}
	}
	return false
}

// coveredRouter reports whether the router held in obj has a covering
// middleware that reaches a route at p: in use on it, on the router it
// was derived from, on the router that a Group or Route function
// receives it from, or on every router it is mounted on.
func (m *Model) coveredRouter(obj types.Object, p point, s *seen) bool {
	key := routerAt{obj, p}
	if ok, done := s.routers[key]; done || s.walking[obj] {
		return ok
	}
	s.walking[obj] = true
	ok := m.usesCover(obj, p, s) || m.coveredWhereServed(obj, s)
	delete(s.walking, obj)
	s.routers[key] = ok
	return ok
}

// usesCover reports whether a covering middleware in use on the router
// in obj, put there by a function it is handed to, or in use on the
// router it derives from, reaches a route at p.
func (m *Model) usesCover(obj types.Object, p point, s *seen) bool {
	for _, mw := range m.uses[obj] {
		if m.coversAt(mw, mw.call, p) {
			return true
		}
	}
	if m.handedCover(obj, nil, p, 0) {
		return true
	}
	for _, rhs := range m.defs[obj] {
		if m.coveredChain(rhs, p, s) {
			return true
		}
	}
	return false
}

// coveredWhereServed reports whether the router in obj is covered
// wherever it goes, at any point: by the router that a Group or Route
// function receives it from, or on every router it is mounted on. It is
// found once a walk, which follows each value once.
func (m *Model) coveredWhereServed(obj types.Object, s *seen) bool {
	if ok, done := s.served[obj]; done {
		return ok
	}
	ok := m.servedCovered(obj, s)
	s.served[obj] = ok
	return ok
}

func (m *Model) servedCovered(obj types.Object, s *seen) bool {
	if v, ok := obj.(*types.Var); ok {
		if param, ok := m.params[v]; ok && m.coveredParam(param, s) {
			return true
		}
	}
	var w Where
	n := 0
	for _, cur := range m.refs[obj] {
		if v, u := valueOf(cur); u == useValue {
			n++
			m.follow(v, s, &w)
		}
	}
	return n > 0 && !w.Served()
}

// coversAt reports whether mw, put in use by the call use, is one the
// model looks for and reaches a route at p.
func (m *Model) coversAt(mw middleware, use *ast.CallExpr, p point) bool {
	return (mw.always || !m.always) && m.reaches(use, mw.order, p) && m.covers(mw.expr)
}

// coveredParam reports whether a router parameter is covered wherever its
// function is used: a function given to r.Group(fn) or r.Route(p, fn)
// gets a router derived from r; a function called as register(r) gets r.
func (m *Model) coveredParam(p param, s *seen) bool {
	var sites []inspector.Cursor
	switch fn := p.fn.Node().(type) {
	case *ast.FuncLit:
		sites = append(sites, p.fn)
	case *ast.FuncDecl:
		obj, ok := m.pass.TypesInfo.Defs[fn.Name].(*types.Func)
		if !ok {
			return false
		}
		for _, cur := range m.funcRefs(obj) {
			if v, u := valueOf(cur); u == useValue || u == useCall {
				sites = append(sites, v)
			}
		}
	}
	for _, site := range sites {
		call, ok := site.Parent().Node().(*ast.CallExpr)
		if !ok {
			return false
		}
		switch k, _ := site.ParentEdge(); k {
		case edge.CallExpr_Fun:
			if p.index >= len(call.Args) || !m.coveredChain(call.Args[p.index], at(call), s) {
				return false
			}
		case edge.CallExpr_Args:
			if recv := m.receiver(call); recv == nil || !m.coveredChain(recv, at(call), s) {
				return false
			}
		default:
			return false
		}
	}
	return len(sites) > 0
}
