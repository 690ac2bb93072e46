package privatecache

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
	"github.com/resplint/resplint/analyzers/internal/routes"
)

// CacheFact is exported for a function that sets a Cache-Control value
// that says whether shared caches may store the response (private or
// no-store, or public, s-maxage or a positive max-age): itself (Own), on
// the response it is given, or on the
// responses of what it wraps or returns: a middleware
// (func(http.Handler) http.Handler, func(echo.HandlerFunc)
// echo.HandlerFunc), a gin or fiber handler used as middleware, or a
// function that returns one of these; or on the responses of the routes
// of a router it is given, by putting such middleware in use on it
// (func InitMiddleware(r *gin.Engine) { r.Use(NoCache) }).
type CacheFact struct {
	CacheControl string
	Own          bool
}

func (*CacheFact) AFact() {}

func (f *CacheFact) String() string {
	if f.Own {
		return "sets Cache-Control " + strconv.Quote(f.CacheControl)
	}
	return "wraps with Cache-Control " + strconv.Quote(f.CacheControl)
}

// middleware answers which functions set Cache-Control private or
// no-store, on their own response or as middleware, in this package or,
// through CacheFact, in others.
type middleware struct {
	c      *checker
	pass   *analysis.Pass
	model  *respmodel.Result
	routes *routes.Model // covered: private or no-store middleware
	public *routes.Model // covered: public middleware
	always *routes.Model // covered: private or no-store middleware in use whatever the configuration
	funcs  map[ast.Node]*respmodel.Func
	decls  map[*types.Func]*ast.FuncDecl
	cache  *prop               // the Cache-Control a handler or middleware sets
	auth   *prop               // where middleware reads the user from (auth.go)
	authed *routes.Model       // covered: middleware reading the user from Authorization, or the query or a form, only
	headed *routes.Model       // covered: middleware reading the user from other request headers only
	gate   *routes.Model       // covered: middleware reading the user from anything else
	own    map[ast.Node]string // setsOwn
	keys   *keys               // what middleware stores for handlers (keys.go)
}

func newMiddleware(c *checker, pass *analysis.Pass, res *respmodel.Result) *middleware {
	mw := &middleware{
		c: c, pass: pass, model: res,
		funcs: make(map[ast.Node]*respmodel.Func),
		decls: make(map[*types.Func]*ast.FuncDecl),
		own:   make(map[ast.Node]string),
	}
	mw.cache = mw.newProp(mw.setsOwn, mw.cacheFunc)
	mw.routes = routes.New(pass, res.Inspector, func(e ast.Expr) bool { return isPrivate(mw.cache.expr(e, 0)) })
	mw.public = mw.routes.With(func(e ast.Expr) bool { return isPublic(mw.cache.expr(e, 0)) })
	mw.auth = mw.newProp(mw.authOwn, mw.authFunc)
	mw.auth.args = mw.authArgs
	mw.authed = mw.routes.With(func(e ast.Expr) bool { v := mw.authUse(e); return v == byAuthorization || v == byURL })
	mw.headed = mw.routes.With(func(e ast.Expr) bool { return mw.authUse(e) == byHeader })
	mw.gate = mw.routes.With(func(e ast.Expr) bool {
		v := mw.authUse(e)
		return v != "" && v != byAuthorization && v != byURL
	})
	mw.always = mw.routes.Always()
	for _, f := range res.Funcs {
		mw.funcs[f.Node] = f
		if d, ok := f.Node.(*ast.FuncDecl); ok {
			if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
				mw.decls[fn] = d
			}
		}
	}
	mw.keys = newKeys(mw)
	return mw
}

// covering returns the model that decides whether a route of a handler of
// the category is covered: a validators leak is concrete, so a no-store
// middleware that configuration may leave off does not cover it; for
// missing, such a middleware is taken as the application's choice.
func (mw *middleware) covering(category string) *routes.Model {
	if category == catValidators {
		return mw.always
	}
	return mw.routes
}

// exportFacts exports CacheFact, AuthFact and StoresFact for the
// package's exported functions, and its KeysFact.
func (mw *middleware) exportFacts() {
	mw.keys.exportFacts()
	for fn, d := range mw.decls {
		if !fn.Exported() || mw.routes.InTestFile(d) {
			continue
		}
		if v := mw.auth.node(d); v != "" {
			mw.pass.ExportObjectFact(fn, &AuthFact{By: v})
		} else if v := mw.finds(d); v != "" {
			mw.pass.ExportObjectFact(fn, &AuthFact{By: v})
		}
		if v := mw.setsOwn(d); v != "" {
			mw.pass.ExportObjectFact(fn, &CacheFact{CacheControl: v, Own: true})
		} else if v := mw.cache.node(d); v != "" && mw.funcs[d].Handler != httpfw.NetHTTP {
			mw.pass.ExportObjectFact(fn, &CacheFact{CacheControl: v})
		}
	}
}

// setsOwn returns the private, or else the public, Cache-Control value a
// function sets on its own response, as model events or as cacheCalls
// finds it, or "".
func (mw *middleware) setsOwn(n ast.Node) string {
	if v, ok := mw.own[n]; ok {
		return v
	}
	mw.own[n] = "" // a recursive use sees none
	always := func(x ast.Node) bool { return routes.Unconditional(n, x) }
	var v string
	if f := mw.funcs[n]; f != nil {
		v = setsCacheControl(f.Events, always)
	}
	if v == "" {
		for _, call := range mw.cacheCalls(n) {
			if cv := mw.cacheCall(call.(*ast.CallExpr)); isPrivate(cv) || always(call) {
				v = cv
				break
			}
		}
	}
	mw.own[n] = v
	return v
}

// cacheCalls returns the calls in a function's body (not in nested
// function literals) that set a private or public Cache-Control in ways
// the model does not follow: a call with the constant arguments
// "Cache-Control" and such a value, whatever it is a method of (a
// response builder's WithHeader("Cache-Control", "no-store")), or a call
// of a function that sets one itself.
func (mw *middleware) cacheCalls(n ast.Node) []ast.Node {
	var out []ast.Node
	mw.model.InspectBody(n, callsAndLits, func(x ast.Node) bool {
		if call, ok := x.(*ast.CallExpr); ok && mw.cacheCall(call) != "" {
			out = append(out, x)
		}
		_, lit := x.(*ast.FuncLit)
		return !lit // not in nested functions
	})
	return out
}

// The nodes cacheCalls and prop.node look for, and the function
// literals they do not go into.
var (
	callsAndLits   = []ast.Node{(*ast.CallExpr)(nil), (*ast.FuncLit)(nil)}
	returnsAndLits = []ast.Node{(*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)}
)

// privateCall returns the private Cache-Control value a call sets, as
// cacheCalls describes, or "".
func (mw *middleware) cacheCall(call *ast.CallExpr) string {
	info := mw.pass.TypesInfo
	if len(call.Args) >= 2 {
		name, value := info.Types[call.Args[0]].Value, info.Types[call.Args[1]].Value
		if name != nil && value != nil && name.Kind() == constant.String && value.Kind() == constant.String &&
			strings.EqualFold(constant.StringVal(name), "Cache-Control") {
			if v := constant.StringVal(value); isPrivate(v) || isPublic(v) {
				return v
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
	var f CacheFact
	if fn.Pkg() != mw.pass.Pkg && mw.pass.ImportObjectFact(fn, &f) && f.Own {
		return f.CacheControl
	}
	return ""
}

// A prop is what a handler or middleware does that decides whether
// shared caches may store its responses, as a string ("" for nothing):
// what a function does itself (own), or else what a function it returns
// does, for functions of this package; for those of other packages,
// what their facts or the options say (imported).
type prop struct {
	mw       *middleware
	own      func(ast.Node) string
	imported func(*types.Func) string
	args     func(*ast.CallExpr) string // for a call whose function has none (see authArgs), or nil
	memo     map[ast.Node]string
}

func (mw *middleware) newProp(own func(ast.Node) string, imported func(*types.Func) string) *prop {
	return &prop{mw: mw, own: own, imported: imported, memo: make(map[ast.Node]string)}
}

// node returns the value of a function or function literal: its own,
// that of a function it returns, or that of the middleware a function
// declaration puts in use on the routers it is given.
func (p *prop) node(n ast.Node) string {
	if v, ok := p.memo[n]; ok {
		return v
	}
	p.memo[n] = "" // a recursive use sees none
	v := p.own(n)
	if v == "" {
		p.mw.model.InspectBody(n, returnsAndLits, func(x ast.Node) bool {
			if ret, ok := x.(*ast.ReturnStmt); ok {
				for _, res := range ret.Results {
					if v == "" {
						v = p.expr(res, 0)
					}
				}
			}
			_, lit := x.(*ast.FuncLit)
			return v == "" && !lit
		})
	}
	if d, ok := n.(*ast.FuncDecl); ok && v == "" {
		for _, e := range p.mw.routes.PutInUse(d) {
			if v = p.expr(e, 0); v != "" {
				break
			}
		}
	}
	p.memo[n] = v
	return v
}

// expr returns the value of the handler or middleware e: a function
// literal, a function, a variable holding one, or a call of a function
// that has it (a middleware applied to a handler, or a factory of
// middleware).
func (p *prop) expr(e ast.Expr, depth int) string {
	if depth > maxDepth {
		return ""
	}
	info := p.mw.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return p.node(x)
	case *ast.Ident:
		return p.object(info.Uses[x], depth)
	case *ast.SelectorExpr:
		return p.object(info.Uses[x.Sel], depth)
	case *ast.IndexExpr:
		return p.expr(x.X, depth+1)
	case *ast.CallExpr:
		if routes.IsConversion(info, x) {
			return p.expr(x.Args[0], depth+1)
		}
		if fn := typeutil.StaticCallee(info, x); fn != nil {
			v := p.fn(fn)
			if p.args != nil && (v == "" || v == byStored) {
				if a := p.args(x); a != "" {
					return a
				}
			}
			return v
		}
		return p.expr(x.Fun, depth+1)
	}
	return ""
}

func (p *prop) object(obj types.Object, depth int) string {
	switch obj := obj.(type) {
	case *types.Func:
		return p.fn(obj)
	case *types.Var:
		if !routes.FuncLike(obj.Type()) {
			return ""
		}
		if ds := p.mw.routes.Defs(obj); len(ds) == 1 {
			return p.expr(ds[0], depth+1)
		}
	}
	return ""
}

// fn returns the value of a function of any package.
func (p *prop) fn(fn *types.Func) string {
	fn = fn.Origin()
	if v := p.imported(fn); v != "" || fn.Pkg() != p.mw.pass.Pkg {
		return v
	}
	if d, ok := p.mw.decls[fn]; ok {
		return p.node(d)
	}
	return ""
}

// cacheFunc is what the options, the built-in list of middleware and
// CacheFact say of a function.
func (mw *middleware) cacheFunc(fn *types.Func) string {
	name := funcName(fn)
	if mw.c.middleware.Has(name) {
		return "private, no-store"
	}
	if v := httpfw.CacheControl(name); v != "" {
		return v
	}
	var f CacheFact
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
	return fn.Pkg().Path() + "." + memberName(fn)
}

// shortName is pkg.Func or pkg.Type.Method, for messages.
func shortName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + memberName(fn)
}

// memberName is Func or Type.Method.
func memberName(fn *types.Func) string {
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		if tn := routes.NamedOf(recv.Type()); tn != nil {
			return tn.Name() + "." + fn.Name()
		}
	}
	return fn.Name()
}

// maxDepth bounds how far definitions are followed.
const maxDepth = 8
