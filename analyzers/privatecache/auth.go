package privatecache

import (
	"go/ast"
	"go/types"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
	"github.com/resplint/resplint/analyzers/internal/routes"
)

// A handler that learns who the user is only from a context or request
// value depends on the middleware that put it there. When that
// middleware reads the user from the Authorization header alone, every
// request that reaches the handler carries Authorization, and RFC 9111
// section 3.5 keeps shared caches from storing its responses, as for a
// handler that reads the header itself; when it reads the user from
// request headers alone (X-Api-Key), the handler is judged as one that
// reads such a header (identity.go).
//
// Middleware that learns who the user is from anything but Authorization
// (a session cookie, a credential header) gates its routes: a file they
// serve goes to signed-in users only, and a shared cache that stores it
// serves it to anyone (gated.go).

// AuthFact is exported for a middleware, or a function that returns one
// or puts one in use on a router it is given, that learns who the user
// is, and for a function that finds the user for middleware (finds): By is byAuthorization when it does so from
// the Authorization header (or basic auth) and from nothing else,
// byHeader when it does so from request headers that the client adds
// itself and from nothing else, and otherwise says what it reads.
type AuthFact struct {
	By string
}

func (*AuthFact) AFact() {}

func (f *AuthFact) String() string { return "authenticates by " + f.By }

// byAuthorization is the auth prop of middleware that reads the user
// from Authorization alone; that of other middleware reading the user
// says what it reads.
const byAuthorization = "Authorization"

// byURL is the auth prop of middleware that reads the user from a
// credential in the query or a form alone (identity.go).
const byURL = "a query or form value"

// byStored is the auth prop of middleware that reads the user only from
// context or request values, which earlier middleware or the functions
// it is given stored (see authArgs).
const byStored = "a value stored before it"

// byHeader is the auth prop of middleware that reads the user from
// credential headers alone (identity.go), Authorization among them or
// not.
const byHeader = "request headers"

// authOwn is the auth prop of a middleware (a function that passes the
// request on) by its own identity reads.
func (mw *middleware) authOwn(n ast.Node) string {
	f := mw.funcs[n]
	if f == nil || !delegates(f.Events) && !passesOn(mw.pass, mw.model, n) {
		return ""
	}
	if first, _, context := mw.c.identity(f.Events); first != nil && context {
		return byStored
	}
	if v := mw.source(f.Events); v != "" {
		return v
	}
	if mw.keys != nil && mw.keys.storesUser(n) && onlyQuery(f.Events) {
		return byURL
	}
	return ""
}

// onlyQuery reports whether the request reads among events that could
// carry a credential are all of query parameters or form values, and
// there is one: middleware that stores the user it finds with such a
// value (?qat=), whatever the value's name, finds it in the URL or a
// POST body.
func onlyQuery(events []*respmodel.Event) bool {
	found := false
	for _, ev := range events {
		if ev.Kind != respmodel.ReadIdentity {
			continue
		}
		if ev.Identity != respmodel.IdentityQuery {
			return false
		}
		found = true
	}
	return found
}

// source is the auth prop of identity reads.
func (mw *middleware) source(events []*respmodel.Event) string {
	switch first, src, _ := mw.c.identity(events); {
	case first == nil:
		return ""
	case src == fromAuthorization:
		return byAuthorization
	case src == fromURL:
		return byURL
	case src == fromHeader:
		return byHeader
	default:
		return what(first)
	}
}

// finds is the auth prop of a function that finds the user in the
// request it is given for its caller, and writes nothing nor passes the
// request on: func(c *gin.Context) (string, error), the token parser a
// middleware's configuration names. What it reads from the
// request decides; a context value it reads was put there before it, or
// by itself.
func (mw *middleware) finds(n ast.Node) string {
	f := mw.funcs[n]
	if f == nil {
		return ""
	}
	var reads []*respmodel.Event
	for _, ev := range f.Events {
		switch {
		case ev.Kind != respmodel.ReadIdentity && ev.Kind != respmodel.ReadBody:
			return ""
		case ev.Identity != respmodel.IdentityContext && ev.Identity != respmodel.IdentityLocal:
			reads = append(reads, ev)
		}
	}
	return mw.source(reads)
}

// authArgs is the auth prop of a call that makes middleware that reads
// nothing of the user from the request itself: that of the functions it
// is given, as arguments or fields of a configuration literal, which
// find the user for it (AuthWithConfig(AuthConfig{ParseUserID:
// login.ParseUserID})); "" when it is given none. The lowest source
// among them counts.
func (mw *middleware) authArgs(call *ast.CallExpr) string {
	var best string
	rank := func(v string) int {
		switch v {
		case "":
			return 0
		case byURL:
			return 1
		case byAuthorization:
			return 2
		case byHeader:
			return 3
		}
		return 4
	}
	consider := func(e ast.Expr) {
		if v := mw.findsExpr(e); rank(v) > rank(best) {
			best = v
		}
	}
	for _, a := range call.Args {
		a = ast.Unparen(a)
		if u, ok := a.(*ast.UnaryExpr); ok {
			a = ast.Unparen(u.X)
		}
		if lit, ok := a.(*ast.CompositeLit); ok {
			for _, el := range lit.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					consider(kv.Value)
				}
			}
			continue
		}
		consider(a)
	}
	return best
}

// findsExpr is finds of the function e names, a function literal or a
// function of any package (its AuthFact); "" for anything else.
func (mw *middleware) findsExpr(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return mw.finds(x)
	case *ast.Ident, *ast.SelectorExpr:
		id, ok := x.(*ast.Ident)
		if !ok {
			id = x.(*ast.SelectorExpr).Sel
		}
		fn, ok := mw.pass.TypesInfo.Uses[id].(*types.Func)
		if !ok {
			return ""
		}
		if d, ok := mw.decls[fn.Origin()]; ok {
			return mw.finds(d)
		}
		return mw.authFunc(fn.Origin())
	}
	return ""
}

// authUse is the auth prop of a middleware given to a router or group.
// For one given to a function of the application that makes the
// framework's middleware of it (routes.Forwarded: r.With(fn) calling
// r.chi.With(middleware(fn))), it is that of the middleware made, or,
// when that reads nothing of the user itself, what the function given
// finds, as for authArgs.
func (mw *middleware) authUse(e ast.Expr) string {
	if v := mw.auth.expr(e, 0); v != "" {
		return v
	}
	for _, made := range mw.routes.Forwarded(e) {
		v := mw.auth.expr(made, 0)
		if v == "" || v == byStored {
			v = mw.findsExpr(e)
		}
		if v != "" {
			return v
		}
	}
	return ""
}

// delegates reports whether events run another handler on the response
// (next.ServeHTTP(w, r), in the function or a helper it calls).
func delegates(events []*respmodel.Event) bool {
	for _, ev := range events {
		if ev.Kind == respmodel.Delegate {
			return true
		}
	}
	return false
}

// authFunc is what AuthFact says of a function of another package.
func (mw *middleware) authFunc(fn *types.Func) string {
	var f AuthFact
	if fn.Pkg() != mw.pass.Pkg && mw.pass.ImportObjectFact(fn, &f) {
		return f.By
	}
	return ""
}

// coveredBy returns whether the middleware of a model derived from the
// one that gave s.w covers a registration of s.w: one that w, which
// differs from s.w only in what covers, leaves out (used with Use, With
// or around the handler). w is s.auth (Authorization middleware) or
// s.gate (middleware reading the user from anything else).
func coveredBy(w routes.Where) func(*ast.CallExpr) bool {
	open := make(map[*ast.CallExpr]bool)
	for _, r := range w.Routes {
		open[r.Call] = true
	}
	return func(call *ast.CallExpr) bool { return !open[call] }
}

// behind returns rs as served by a route that middleware reading the
// user from src covers: a handler that reads the user from a context
// value gets it from that middleware.
func behind(rs []FactRoute, src source) []FactRoute {
	out := make([]FactRoute, len(rs))
	for i, fr := range rs {
		if fr.ContextOnly && quiet(fr.Category, src) {
			fr.Quiet = true
		}
		out[i] = fr
	}
	return out
}
