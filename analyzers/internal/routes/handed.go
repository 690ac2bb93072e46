package routes

import (
	"cmp"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// maxHanded bounds how far a router handed from function to function is
// followed.
const maxHanded = 4

// handedCover reports whether a function that the router in obj is
// handed to puts a covering middleware in use on it that reaches a route
// at p, from the call that hands it over (use, when obj is a parameter
// that such a call handed on; nil otherwise). A function of the package
// has what it puts in use on its parameter (useMiddlewares(e)), or hands
// on to another function; one of another package has what its facts say,
// which covers reads off the call (mw.InitMiddleware(r)).
func (m *Model) handedCover(obj types.Object, use *ast.CallExpr, p point, depth int) bool {
	if depth > maxHanded {
		return false
	}
	for _, cur := range m.refs[obj] {
		call, param := m.handedTo(cur)
		if call == nil {
			continue
		}
		from := cmp.Or(use, call)
		if param == nil {
			if p.reg == call || p.made == call {
				// Routes another package's function registers are
				// judged there, in the order of its own calls.
				continue
			}
			arg := cur.Node().(ast.Expr)
			mw := middleware{expr: call, always: m.unconditional(cur), call: call, order: useOrder(m.pass.TypesInfo.TypeOf(arg))}
			if m.coversAt(mw, from, p) {
				return true
			}
			continue
		}
		if m.reassigned(param) {
			continue
		}
		for _, mw := range m.uses[param] {
			if m.coversAt(mw, from, p) {
				return true
			}
		}
		if m.handedCover(param, from, p, depth+1) {
			return true
		}
	}
	return false
}

// handedTo returns the call of a function that the argument at cur is
// given to, with the parameter that receives it for a function of this
// package (nil for another package's, when that parameter is a router);
// nil when cur is no such argument.
func (m *Model) handedTo(cur inspector.Cursor) (*ast.CallExpr, *types.Var) {
	k, i := cur.ParentEdge()
	if k != edge.CallExpr_Args {
		return nil, nil
	}
	call := cur.Parent().Node().(*ast.CallExpr)
	fn := typeutil.StaticCallee(m.pass.TypesInfo, call)
	switch {
	case fn == nil || call.Ellipsis.IsValid():
		return nil, nil
	case fn.Pkg() != m.pass.Pkg:
		if m.routerParam(call, i) { // not a wrapper: follow sees those
			return call, nil
		}
		return nil, nil
	}
	sig := fn.Type().(*types.Signature)
	if i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 {
		return nil, nil
	}
	return call, sig.Params().At(i)
}

// PutInUse returns what the function declaration d puts in use on the
// routers it is given: the middleware given to Use on a router
// parameter, and the calls that hand such a parameter on to other
// functions, which a covers function takes for what those put in use.
// Its facts carry this to the packages that hand it their router.
func (m *Model) PutInUse(d *ast.FuncDecl) []ast.Expr {
	m.build()
	var out []ast.Expr
	for _, field := range d.Type.Params.List {
		for _, name := range field.Names {
			v, ok := m.pass.TypesInfo.Defs[name].(*types.Var)
			if !ok || !isRouter(v.Type()) || m.reassigned(v) {
				continue
			}
			for _, mw := range m.uses[v] {
				out = append(out, mw.expr)
			}
			for _, cur := range m.refs[v] {
				if call, _ := m.handedTo(cur); call != nil {
					out = append(out, call)
				}
			}
		}
	}
	return out
}

// reassigned reports whether the function gives its router parameter v
// another value (g = g.Group("/panel")): what it puts in use on v after
// that is not on the router it was given.
func (m *Model) reassigned(v *types.Var) bool {
	return len(m.defs[v]) > 0
}

// routerParam reports whether argument idx of call goes to a parameter
// of a router type.
func (m *Model) routerParam(call *ast.CallExpr, idx int) bool {
	t := m.pass.TypesInfo.TypeOf(call.Fun)
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || idx >= sig.Params().Len() || sig.Variadic() && idx >= sig.Params().Len()-1 {
		return false
	}
	return isRouter(sig.Params().At(idx).Type())
}

// isRouter reports whether t is a router or group whose Use takes
// middleware (UseKind): not *gorm.DB, whose Use takes a plugin.
func isRouter(t types.Type) bool { return UseKind(t) != 0 }

// useOrder is the order of the middleware put in use on a router of
// type t (see reaches).
func useOrder(t types.Type) httpfw.Order {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, httpfw.UseMethod)
	if use, ok := obj.(*types.Func); ok {
		return httpfw.UseOrder(use)
	}
	return httpfw.Unordered
}
