package privatecache

import (
	"slices"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// A handler that reads no identity itself can still serve one user's
// data: middleware on its route that learns who the user is (a session
// cookie) lets only signed-in users reach it. When such a handler serves
// a file chosen at run time, or sets validators, with no private or
// no-store, a shared cache may store the response heuristically and serve
// it to anyone who asks for the URL. Only validators apply: a handler
// with no identity of its own and no validators is as likely to send
// what every user sees.

// byMiddleware is the identity of a gated handler on a route that such a
// middleware covers, for messages.
const byMiddleware = "the user through middleware on its route"

// mayServeFile reports whether a handler that reads no identity could be
// a gated handler: it serves a file or sets validators.
func mayServeFile(f *respmodel.Func, cc cacheState) bool {
	if len(cc.valid) > 0 {
		return true
	}
	for _, ev := range f.Events {
		if ev.Kind == respmodel.WriteBody && ev.Body == respmodel.BodyFile {
			return true
		}
	}
	return false
}

// gatedBodies returns the bodies of a handler that reads no identity
// that serve one user's data behind middleware that identifies the user:
// all of them when it sets validators, else its files of a path chosen
// at run time (a file of a constant path, the application's own page or
// asset, is the same for every user).
func gatedBodies(bodies []*respmodel.Event, cc cacheState) []*respmodel.Event {
	if len(cc.valid) > 0 {
		return bodies
	}
	return slices.DeleteFunc(slices.Clone(bodies), func(b *respmodel.Event) bool {
		return b.Body != respmodel.BodyFile || b.File != nil && b.File.State == respmodel.Known
	})
}

// ungated returns rs as served by a route that middleware identifying the
// user covers: its gated handlers serve per-user responses there.
func ungated(rs []FactRoute) []FactRoute {
	out := make([]FactRoute, len(rs))
	for i, fr := range rs {
		if fr.Gated {
			fr.Gated, fr.Identity = false, byMiddleware
		}
		out[i] = fr
	}
	return out
}
