package routes

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// A point is where a route takes the middleware of its router: reg is
// the call that registers it, made the last call that made a group on
// the way from it to the router (reg where there is none).
type point struct{ reg, made *ast.CallExpr }

// at returns the point of a route registered, or a group made, by call.
func at(call *ast.CallExpr) point { return point{call, call} }

// reaches reports whether middleware that the call use puts in use,
// with order o, reaches a route at p: it does unless use runs after the
// registration (Stacked) or after the group was made (Copied). Order is
// known only between calls of one function body outside any loop that
// holds both; elsewhere the middleware reaches the route.
func (m *index) reaches(use *ast.CallExpr, o httpfw.Order, p point) bool {
	switch o {
	case httpfw.Copied:
		return !m.runsAfter(use, p.made)
	case httpfw.Stacked:
		return !m.runsAfter(use, p.reg)
	}
	return true
}

// runsAfter reports whether call b runs after call a whenever both run:
// they are in the same function body, b after a, and no loop of it
// holds both.
func (m *index) runsAfter(b, a *ast.CallExpr) bool {
	ca, ok := m.calls[a]
	cb, okb := m.calls[b]
	if !ok || !okb || b.Pos() < a.End() {
		return false
	}
	fn := enclosingFunc(cb)
	if fn == nil || enclosingFunc(ca) != fn {
		return false
	}
	for loop := range cb.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if loop.Node().Pos() < fn.Pos() {
			break // a loop around the function: one run of it keeps the order
		}
		if loop.Node().Pos() <= a.Pos() && a.End() <= loop.Node().End() {
			return false
		}
	}
	return true
}

// enclosingFunc returns the function declaration or literal whose body
// holds cur, or nil.
func enclosingFunc(cur inspector.Cursor) ast.Node {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fn.Node()
	}
	return nil
}
