package privatecache

import (
	"go/ast"
	"go/types"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// A handler that learns who the user is only from a context or request
// value depends on the middleware that put it there. When that
// middleware reads the user from the Authorization header alone, every
// request that reaches the handler carries Authorization, and RFC 9111
// section 3.5 keeps shared caches from storing its responses, as for a
// handler that reads the header itself.

// AuthFact is exported for a middleware, or a function that returns one,
// that learns who the user is from the Authorization header (or basic
// auth) and from nothing else.
type AuthFact struct{}

func (*AuthFact) AFact() {}

func (*AuthFact) String() string { return "authenticates by Authorization" }

// byAuthorization is the auth prop of such middleware; "other" that of
// middleware reading the user from anything else.
const byAuthorization = "Authorization"

// authOwn is the auth prop of a middleware (a function that passes the
// request on) by its own identity reads.
func (mw *middleware) authOwn(n ast.Node) string {
	f := mw.funcs[n]
	if f == nil || !delegates(f.Events) {
		return ""
	}
	switch first, authOnly, _ := mw.c.identity(f.Events); {
	case first == nil:
		return ""
	case authOnly:
		return byAuthorization
	}
	return "other"
}

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
	if fn.Pkg() != mw.pass.Pkg && mw.pass.ImportObjectFact(fn, new(AuthFact)) {
		return byAuthorization
	}
	return ""
}

// authCovered returns whether Authorization middleware covers a
// registration of s.w: one that s.auth, which differs from s.w only in
// what covers, leaves out (used with Use, With or around the handler).
func authCovered(s served) func(*ast.CallExpr) bool {
	open := make(map[*ast.CallExpr]bool)
	for _, r := range s.auth.Routes {
		open[r.Call] = true
	}
	return func(call *ast.CallExpr) bool { return !open[call] }
}

// authorized returns rs as served by a route that Authorization
// middleware covers: a handler that reads the user from a context value
// gets it from that middleware.
func authorized(rs []FactRoute) []FactRoute {
	out := make([]FactRoute, len(rs))
	for i, fr := range rs {
		if fr.ContextOnly {
			fr.AuthOnly = true
		}
		out[i] = fr
	}
	return out
}
