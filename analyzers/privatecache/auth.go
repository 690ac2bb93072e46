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

// AuthFact is exported for a middleware, or a function that returns one,
// that learns who the user is: By is byAuthorization when it does so from
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
	switch first, src, _ := mw.c.identity(f.Events); {
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
