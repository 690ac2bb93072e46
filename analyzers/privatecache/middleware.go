package privatecache

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
	"github.com/resplint/resplint/analyzers/internal/routes"
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

// middleware answers which functions set Cache-Control private or
// no-store, on their own response or as middleware, in this package or,
// through NoStoreFact, in others.
type middleware struct {
	c      *checker
	pass   *analysis.Pass
	model  *respmodel.Result
	routes *routes.Model
	funcs  map[ast.Node]*respmodel.Func
	decls  map[*types.Func]*ast.FuncDecl
	memo   map[ast.Node]string // noStoreNode
	own    map[ast.Node]string // setsOwn
}

func newMiddleware(c *checker, pass *analysis.Pass, res *respmodel.Result) *middleware {
	mw := &middleware{
		c: c, pass: pass, model: res,
		funcs: make(map[ast.Node]*respmodel.Func),
		decls: make(map[*types.Func]*ast.FuncDecl),
		memo:  make(map[ast.Node]string),
		own:   make(map[ast.Node]string),
	}
	mw.routes = routes.New(pass, res.Inspector, func(e ast.Expr) bool { return mw.noStoreExpr(e, 0) != "" })
	for _, f := range res.Funcs {
		mw.funcs[f.Node] = f
		if d, ok := f.Node.(*ast.FuncDecl); ok {
			if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
				mw.decls[fn] = d
			}
		}
	}
	return mw
}

// exportFacts exports NoStoreFact for the package's exported functions.
func (mw *middleware) exportFacts() {
	for fn, d := range mw.decls {
		if !fn.Exported() || mw.routes.InTestFile(d) {
			continue
		}
		if v := mw.setsOwn(d); v != "" {
			mw.pass.ExportObjectFact(fn, &NoStoreFact{CacheControl: v, Own: true})
		} else if v := mw.noStoreNode(d); v != "" && mw.funcs[d].Handler != respmodel.NetHTTP {
			mw.pass.ExportObjectFact(fn, &NoStoreFact{CacheControl: v})
		}
	}
}

// setsOwn returns the private Cache-Control value a function sets on its
// own response, as privateCalls finds it or as model events, or "".
func (mw *middleware) setsOwn(n ast.Node) string {
	if v, ok := mw.own[n]; ok {
		return v
	}
	mw.own[n] = "" // a recursive use sees none
	var v string
	if f := mw.funcs[n]; f != nil {
		v = setsPrivate(f.Events)
	}
	if v == "" {
		if calls := mw.privateCalls(n); len(calls) > 0 {
			v = mw.privateCall(calls[0].(*ast.CallExpr))
		}
	}
	mw.own[n] = v
	return v
}

// privateCalls returns the calls in a function's body (not in nested
// function literals) that set a private Cache-Control in ways the model
// does not follow: a call with the constant arguments "Cache-Control" and
// a private value, whatever it is a method of (a response builder's
// WithHeader("Cache-Control", "no-store")), or a call of a function that
// sets one itself.
func (mw *middleware) privateCalls(n ast.Node) []ast.Node {
	var out []ast.Node
	mw.model.InspectBody(n, callsAndLits, func(x ast.Node) bool {
		if call, ok := x.(*ast.CallExpr); ok && mw.privateCall(call) != "" {
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
func (mw *middleware) privateCall(call *ast.CallExpr) string {
	info := mw.pass.TypesInfo
	if len(call.Args) >= 2 {
		name, value := info.Types[call.Args[0]].Value, info.Types[call.Args[1]].Value
		if name != nil && value != nil && name.Kind() == constant.String && value.Kind() == constant.String &&
			strings.EqualFold(constant.StringVal(name), "Cache-Control") {
			if d := directives(constant.StringVal(value)); d["private"] != "" || d["no-store"] != "" {
				return constant.StringVal(value)
			}
		}
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return ""
	}
	fn = fn.Origin()
	if d, ok := mw.decls[fn]; ok {
		return mw.setsOwn(d)
	}
	var f NoStoreFact
	if fn.Pkg() != mw.pass.Pkg && mw.pass.ImportObjectFact(fn, &f) && f.Own {
		return f.CacheControl
	}
	return ""
}

// noStoreNode returns the private Cache-Control value a function or
// function literal sets, itself or through a function it returns, or "".
func (mw *middleware) noStoreNode(n ast.Node) string {
	if v, ok := mw.memo[n]; ok {
		return v
	}
	mw.memo[n] = "" // a recursive use sees none
	v := mw.setsOwn(n)
	if v == "" {
		mw.model.InspectBody(n, returnsAndLits, func(x ast.Node) bool {
			if ret, ok := x.(*ast.ReturnStmt); ok {
				for _, res := range ret.Results {
					if v == "" {
						v = mw.noStoreExpr(res, 0)
					}
				}
			}
			_, lit := x.(*ast.FuncLit)
			return v == "" && !lit
		})
	}
	mw.memo[n] = v
	return v
}

// noStoreExpr returns the private Cache-Control value that the handler or
// middleware e sets, or "": a function literal, a function, a variable
// holding one, or a call of a function that sets it (a middleware applied
// to a handler, or a factory of middleware).
func (mw *middleware) noStoreExpr(e ast.Expr, depth int) string {
	if depth > maxDepth {
		return ""
	}
	info := mw.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return mw.noStoreNode(x)
	case *ast.Ident:
		return mw.noStoreObject(info.Uses[x], depth)
	case *ast.SelectorExpr:
		return mw.noStoreObject(info.Uses[x.Sel], depth)
	case *ast.IndexExpr:
		return mw.noStoreExpr(x.X, depth+1)
	case *ast.CallExpr:
		if routes.IsConversion(info, x) {
			return mw.noStoreExpr(x.Args[0], depth+1)
		}
		if fn := typeutil.StaticCallee(info, x); fn != nil {
			return mw.noStoreFunc(fn)
		}
		return mw.noStoreExpr(x.Fun, depth+1)
	}
	return ""
}

func (mw *middleware) noStoreObject(obj types.Object, depth int) string {
	switch obj := obj.(type) {
	case *types.Func:
		return mw.noStoreFunc(obj)
	case *types.Var:
		if !routes.FuncLike(obj.Type()) {
			return ""
		}
		if ds := mw.routes.Defs(obj); len(ds) == 1 {
			return mw.noStoreExpr(ds[0], depth+1)
		}
	}
	return ""
}

// noStoreFunc reports, for a function in any package, what noStoreNode
// does, with the option's and the built-in list of middleware.
func (mw *middleware) noStoreFunc(fn *types.Func) string {
	fn = fn.Origin()
	name := funcName(fn)
	if mw.c.middleware.Has(name) {
		return "private, no-store"
	}
	if v := knownNoStore(name); v != "" {
		return v
	}
	if d, ok := mw.decls[fn]; ok {
		return mw.noStoreNode(d)
	}
	var f NoStoreFact
	if fn.Pkg() != mw.pass.Pkg && mw.pass.ImportObjectFact(fn, &f) {
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
		if tn := routes.NamedOf(recv.Type()); tn != nil {
			name = tn.Name() + "." + name
		}
	}
	return fn.Pkg().Path() + "." + name
}

// maxDepth bounds how far definitions are followed.
const maxDepth = 8
