package routes

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// routeLiteral returns, when the value at cur is the handler field of a
// route literal (httpfw.RouteType: go-zero's rest.Route{Method, Path,
// Handler}), the cursor of that literal.
func (m *Model) routeLiteral(cur inspector.Cursor) (inspector.Cursor, bool) {
	k, idx := cur.ParentEdge()
	parent := cur.Parent()
	var field string
	switch p := parent.Node().(type) {
	case *ast.KeyValueExpr:
		id, ok := p.Key.(*ast.Ident)
		if !ok || k != edge.KeyValueExpr_Value {
			return cur, false
		}
		field, parent = id.Name, parent.Parent()
	case *ast.CompositeLit:
		st, ok := underlying(m.pass.TypesInfo.TypeOf(p)).(*types.Struct)
		if !ok || k != edge.CompositeLit_Elts || idx >= st.NumFields() {
			return cur, false
		}
		field = st.Field(idx).Name()
	default:
		return cur, false
	}
	lit, ok := parent.Node().(*ast.CompositeLit)
	if !ok {
		return cur, false
	}
	rt, ok := httpfw.Route(m.pass.TypesInfo.TypeOf(lit))
	return parent, ok && field == rt.Handler
}

// literalField returns the constant strings of field name of a route
// literal.
func literalField(info *types.Info, lit *ast.CompositeLit, name string) []string {
	st, ok := underlying(info.TypeOf(lit)).(*types.Struct)
	if !ok {
		return nil
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return constStrings(info, kv.Value)
			}
		} else if i < st.NumFields() && st.Field(i).Name() == name {
			return constStrings(info, elt)
		}
	}
	return nil
}

// literalServesGET reports whether a route literal may serve GET or
// HEAD: its method field is not a constant other method.
func literalServesGET(info *types.Info, lit *ast.CompositeLit) bool {
	rt, _ := httpfw.Route(info.TypeOf(lit))
	ms := literalField(info, lit, rt.Method)
	return len(ms) == 0 || Safe(ms)
}

// carriesRoutes reports whether values of t are route literals or slices
// of them: a call that returns them (rest.WithMiddlewares) passes its
// routes on rather than registering them.
func carriesRoutes(t types.Type) bool {
	if s, ok := underlying(t).(*types.Slice); ok {
		t = s.Elem()
	}
	_, ok := httpfw.Route(t)
	return ok
}

// coversAny reports whether e is a covering middleware, or a slice
// literal of middleware one of which covers (rest.WithMiddlewares'
// first argument).
func (m *Model) coversAny(e ast.Expr) bool {
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		if _, ok := underlying(m.pass.TypesInfo.TypeOf(lit)).(*types.Slice); ok {
			for _, elt := range lit.Elts {
				if m.covers(elt) {
					return true
				}
			}
			return false
		}
	}
	return m.covers(e)
}
