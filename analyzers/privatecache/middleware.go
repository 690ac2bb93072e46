package privatecache

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// NoStoreFact is exported for a function that sets Cache-Control private
// or no-store: itself (Own), on the response it is given, or on the
// responses of what it wraps or returns: a middleware
// (func(http.Handler) http.Handler, func(echo.HandlerFunc)
// echo.HandlerFunc), a gin or fiber handler used as middleware, or a
// function that returns one of these.
type NoStoreFact struct {
	CacheControl string
	Own          bool
}

func (*NoStoreFact) AFact() {}

func (f *NoStoreFact) String() string {
	if f.Own {
		return "sets Cache-Control " + strconv.Quote(f.CacheControl)
	}
	return "wraps with Cache-Control " + strconv.Quote(f.CacheControl)
}

// knownNoStore returns the Cache-Control value of middleware that sets it
// in a way the model does not follow, or "". chi v5.5.0's
// middleware.NoCache (nocache.go) sets its headers from a map.
func knownNoStore(name string) string {
	switch name {
	case "github.com/go-chi/chi/v5/middleware.NoCache", "github.com/go-chi/chi/middleware.NoCache":
		return "no-cache, no-store, no-transform, must-revalidate, private, max-age=0"
	}
	return ""
}

// exportFacts exports NoStoreFact for the package's exported functions.
func (r *routes) exportFacts() {
	for fn, d := range r.decls {
		if !fn.Exported() || isTestFile(r.pass, d) {
			continue
		}
		if v := r.setsOwn(d); v != "" {
			r.pass.ExportObjectFact(fn, &NoStoreFact{CacheControl: v, Own: true})
		} else if v := r.noStoreNode(d); v != "" && r.funcs[d].Handler != respmodel.NetHTTP {
			r.pass.ExportObjectFact(fn, &NoStoreFact{CacheControl: v})
		}
	}
}

// setsOwn returns the private Cache-Control value a function sets on its
// own response, as privateCalls finds it or as model events, or "".
func (r *routes) setsOwn(n ast.Node) string {
	if v, ok := r.own[n]; ok {
		return v
	}
	r.own[n] = "" // a recursive use sees none
	var v string
	if f := r.funcs[n]; f != nil {
		v = setsPrivate(f.Events)
	}
	if v == "" {
		if calls := r.privateCalls(n); len(calls) > 0 {
			v = r.privateCall(calls[0].(*ast.CallExpr))
		}
	}
	r.own[n] = v
	return v
}

// privateCalls returns the calls in a function's body (not in nested
// function literals) that set a private Cache-Control in ways the model
// does not follow: a call with the constant arguments "Cache-Control" and
// a private value, whatever it is a method of (a response builder's
// WithHeader("Cache-Control", "no-store")), or a call of a function that
// sets one itself.
func (r *routes) privateCalls(n ast.Node) []ast.Node {
	var out []ast.Node
	r.model.InspectBody(n, callsAndLits, func(x ast.Node) bool {
		if call, ok := x.(*ast.CallExpr); ok && r.privateCall(call) != "" {
			out = append(out, x)
		}
		_, lit := x.(*ast.FuncLit)
		return !lit // not in nested functions
	})
	return out
}

// The nodes privateCalls and noStoreNode look for, and the function
// literals they do not go into.
var (
	callsAndLits   = []ast.Node{(*ast.CallExpr)(nil), (*ast.FuncLit)(nil)}
	returnsAndLits = []ast.Node{(*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)}
)

// privateCall returns the private Cache-Control value a call sets, as
// privateCalls describes, or "".
func (r *routes) privateCall(call *ast.CallExpr) string {
	info := r.pass.TypesInfo
	if len(call.Args) >= 2 {
		name, value := info.Types[call.Args[0]].Value, info.Types[call.Args[1]].Value
		if name != nil && value != nil && name.Kind() == constant.String && value.Kind() == constant.String &&
			strings.EqualFold(constant.StringVal(name), "Cache-Control") {
			if d := directives(constant.StringVal(value)); d["private"] || d["no-store"] {
				return constant.StringVal(value)
			}
		}
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return ""
	}
	fn = fn.Origin()
	if d, ok := r.decls[fn]; ok {
		return r.setsOwn(d)
	}
	var f NoStoreFact
	if fn.Pkg() != r.pass.Pkg && r.pass.ImportObjectFact(fn, &f) && f.Own {
		return f.CacheControl
	}
	return ""
}

// noStoreNode returns the private Cache-Control value a function or
// function literal sets, itself or through a function it returns, or "".
func (r *routes) noStoreNode(n ast.Node) string {
	if v, ok := r.memo[n]; ok {
		return v
	}
	r.memo[n] = "" // a recursive use sees none
	v := r.setsOwn(n)
	if v == "" {
		r.model.InspectBody(n, returnsAndLits, func(x ast.Node) bool {
			if ret, ok := x.(*ast.ReturnStmt); ok {
				for _, res := range ret.Results {
					if v == "" {
						v = r.noStoreExpr(res, 0)
					}
				}
			}
			_, lit := x.(*ast.FuncLit)
			return v == "" && !lit
		})
	}
	r.memo[n] = v
	return v
}

// noStoreExpr returns the private Cache-Control value that the handler or
// middleware e sets, or "": a function literal, a function, a variable
// holding one, or a call of a function that sets it (a middleware applied
// to a handler, or a factory of middleware).
func (r *routes) noStoreExpr(e ast.Expr, depth int) string {
	if depth > maxDepth {
		return ""
	}
	info := r.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return r.noStoreNode(x)
	case *ast.Ident:
		return r.noStoreObject(info.Uses[x], depth)
	case *ast.SelectorExpr:
		return r.noStoreObject(info.Uses[x.Sel], depth)
	case *ast.IndexExpr:
		return r.noStoreExpr(x.X, depth+1)
	case *ast.CallExpr:
		if isConversion(info, x) {
			return r.noStoreExpr(x.Args[0], depth+1)
		}
		if fn := typeutil.StaticCallee(info, x); fn != nil {
			return r.noStoreFunc(fn)
		}
		return r.noStoreExpr(x.Fun, depth+1)
	}
	return ""
}

func (r *routes) noStoreObject(obj types.Object, depth int) string {
	switch obj := obj.(type) {
	case *types.Func:
		return r.noStoreFunc(obj)
	case *types.Var:
		if !funcLike(obj.Type()) {
			return ""
		}
		r.build()
		if ds := r.defs[obj]; len(ds) == 1 {
			return r.noStoreExpr(ds[0], depth+1)
		}
	}
	return ""
}

// noStoreFunc reports, for a function in any package, what noStoreNode
// does, with the option's and the built-in list of middleware.
func (r *routes) noStoreFunc(fn *types.Func) string {
	fn = fn.Origin()
	name := funcName(fn)
	if r.c.middleware.Has(name) {
		return "private, no-store"
	}
	if v := knownNoStore(name); v != "" {
		return v
	}
	if d, ok := r.decls[fn]; ok {
		return r.noStoreNode(d)
	}
	var f NoStoreFact
	if fn.Pkg() != r.pass.Pkg && r.pass.ImportObjectFact(fn, &f) {
		return f.CacheControl
	}
	return ""
}

// funcName is "import/path.Func" or "import/path.Type.Method".
func funcName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	name := fn.Name()
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		if tn := namedOf(recv.Type()); tn != nil {
			name = tn.Name() + "." + name
		}
	}
	return fn.Pkg().Path() + "." + name
}

// funcLike reports whether values of t can be handlers or middleware:
// functions, or types with a ServeHTTP method.
func funcLike(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	return hasServeHTTP(t)
}

// handlerLike reports whether t is a handler of some framework: a
// function of a handler's shape, or an http.Handler.
func handlerLike(t types.Type) bool {
	switch u := t.(type) {
	case nil, *types.Tuple:
		return false
	case *types.Signature:
		return respmodel.HandlerKind(u) != 0
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		return respmodel.HandlerKind(sig) != 0
	}
	return hasServeHTTP(t)
}

func hasServeHTTP(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	_, ok := obj.(*types.Func)
	return ok
}

// namedOf returns the type name of t or *t, or nil.
func namedOf(t types.Type) *types.TypeName {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

func isConversion(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType() && len(call.Args) == 1
}

// maxDepth bounds how far definitions are followed.
const maxDepth = 8
