// Package gozero holds privatecache cases for go-zero: net/http // want package:`stores .*gozero\.viewerKey \(middleware\)`
// handlers registered as rest.Route literals on a rest.Server, with
// middleware from Server.Use or rest.WithMiddlewares.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// userID reads what go-zero's JWT middleware put in the request's
// context.
func userID(r *http.Request) any { return r.Context().Value("userId") }

func me(w http.ResponseWriter, r *http.Request)       { httpx.OkJsonCtx(r.Context(), w, userID(r)) }
func orders(w http.ResponseWriter, r *http.Request)   { me(w, r) }
func update(w http.ResponseWriter, r *http.Request)   { me(w, r) }
func settings(w http.ResponseWriter, r *http.Request) { me(w, r) }
func profile(w http.ResponseWriter, r *http.Request)  { me(w, r) }
func single(w http.ResponseWriter, r *http.Request)   { me(w, r) }

func public(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=60") // want `handler reads the context value "userId" \(through gozero.userID\) but sets Cache-Control "public, max-age=60"`
	httpx.OkJson(w, userID(r))
}

// Negatives.

func private(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "private, no-store")
	httpx.WriteJson(w, http.StatusOK, userID(r))
}

func anonymous(w http.ResponseWriter, r *http.Request) {
	httpx.OkJson(w, r.Context().Value("traceId"))
}

func noStore(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next(w, r)
	}
}

// Routing.

func serve() {
	server := rest.MustNewServer(rest.RestConf{}) // want `2 routes of this router or group send per-user responses`
	server.AddRoutes([]rest.Route{
		{Method: http.MethodGet, Path: "/me", Handler: me},
		{Method: http.MethodGet, Path: "/orders", Handler: orders},
		{Method: http.MethodPost, Path: "/me", Handler: update},
		{Method: http.MethodGet, Path: "/public", Handler: public},
		{Method: http.MethodGet, Path: "/private", Handler: private},
		{Method: http.MethodGet, Path: "/", Handler: anonymous},
	}, rest.WithPrefix("/api"))
	// A group whose middleware sets no-store.
	server.AddRoutes(rest.WithMiddlewares([]rest.Middleware{noStore},
		rest.Route{Method: http.MethodGet, Path: "/settings", Handler: settings}))
	defer server.Stop()

	covered := rest.MustNewServer(rest.RestConf{})
	covered.Use(noStore)
	covered.AddRoute(rest.Route{Method: http.MethodGet, Path: "/profile", Handler: profile})

	other := rest.MustNewServer(rest.RestConf{}) // want `gozero.single reads the context value "userId" \(through gozero.me\) but the responses of its route "GET /single" carry no Cache-Control private or no-store`
	other.AddRoute(rest.Route{Method: http.MethodGet, Path: "/single", Handler: single})
}
