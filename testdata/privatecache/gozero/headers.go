package gozero

import (
	"context"
	"net/http"

	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// Identity from request headers. A credential header the client adds
// itself (X-Api-Key) is never sent by a browser on its own: missing does
// not apply, public and validators do. A header that an authenticating
// proxy sets from its session (X-Forwarded-User) counts as the session.

func apiKey(w http.ResponseWriter, r *http.Request) {
	httpx.OkJson(w, r.Header.Get("X-Api-Key"))
}

func apiKeyPublic(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=60") // want `handler reads the X-Api-Key header but sets Cache-Control "public, max-age=60"`
	httpx.OkJson(w, r.Header.Get("X-Api-Key"))
}

func apiKeyFile(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, "files/"+r.Header.Get("Api-Token")) // want `handler reads the Api-Token header and serves this response with validators`
}

func proxyUser(w http.ResponseWriter, r *http.Request) {
	httpx.OkJson(w, r.Header.Get("X-Forwarded-User")) // want `handler reads the X-Forwarded-User header but writes this response without Cache-Control private or no-store`
}

// Middleware that reads the user from a credential header: the handlers
// behind it that read the user it stores are judged as header reads.

func keyAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("X-Gotify-Key")
		if key == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), "userId", key)))
	}
}

func sessionAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func keyed(w http.ResponseWriter, r *http.Request)   { me(w, r) }
func cookied(w http.ResponseWriter, r *http.Request) { me(w, r) }

// A qualified no-cache on a page served only for POST: its response is
// not stored.
func flash(w http.ResponseWriter, r *http.Request) {
	_, _ = r.Cookie("session")
	w.Header().Set("Cache-Control", `no-cache="Set-Cookie"`)
	httpx.OkJson(w, "saved")
}

// A credential in the query or a form (?api_key=) is in the cache key,
// or in a POST body: only public applies, to the handler and behind
// middleware that reads it.

func apiKeyParam(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, "files/"+r.FormValue("api_key"))
}

func queryAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		next(w, r.WithContext(context.WithValue(r.Context(), "userId", r.URL.Query().Get("token"))))
	}
}

func queried(w http.ResponseWriter, r *http.Request) { me(w, r) }

// Whatever the parameter's name, middleware that finds the user it
// stores in the query finds it in the URL.
func queryAccess(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		qat := r.URL.Query().Get("qat")
		if qat == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), "userId", "u-"+qat)))
	}
}

func headerRoutes() {
	server := rest.MustNewServer(rest.RestConf{})
	server.AddRoutes(rest.WithMiddleware(keyAuth,
		rest.Route{Method: http.MethodGet, Path: "/keys/me", Handler: keyed}))
	server.AddRoute(rest.Route{Method: http.MethodPost, Path: "/flash", Handler: flash})
	server.AddRoutes(rest.WithMiddleware(queryAuth,
		rest.Route{Method: http.MethodGet, Path: "/query/me", Handler: queried}))
	server.AddRoutes(rest.WithMiddleware(queryAccess,
		rest.Route{Method: http.MethodGet, Path: "/qat/me", Handler: queried}))

	cookies := rest.MustNewServer(rest.RestConf{}) // want `gozero.cookied reads the context value "userId" \(through gozero.me\) but the responses of its route "GET /cookies/me" carry no Cache-Control private or no-store`
	cookies.AddRoutes(rest.WithMiddleware(sessionAuth,
		rest.Route{Method: http.MethodGet, Path: "/cookies/me", Handler: cookied}))
}

// A user stored under an unexported key by middleware alone: a server
// without that middleware reads no one.

type viewerKey struct{}

func viewerAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("session")
		if err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), viewerKey{}, c.Value)))
	}
}

func viewerPage(w http.ResponseWriter, r *http.Request) {
	httpx.OkJson(w, r.Context().Value(viewerKey{}))
}

func seoPage(w http.ResponseWriter, r *http.Request) { viewerPage(w, r) }

func keyRoutes() {
	signed := rest.MustNewServer(rest.RestConf{}) // want `gozero.viewerPage reads the context value gozero.viewerKey but the responses of its route "GET /me" carry no Cache-Control private or no-store`
	signed.AddRoutes(rest.WithMiddleware(viewerAuth,
		rest.Route{Method: http.MethodGet, Path: "/me", Handler: viewerPage}))
	seo := rest.MustNewServer(rest.RestConf{})
	seo.AddRoute(rest.Route{Method: http.MethodGet, Path: "/seo", Handler: seoPage})
}

// Middleware put in use by a function the server is handed to.

func useNoStore(s *rest.Server) { s.Use(noStore) }
func useNothing(s *rest.Server) {}

func helperCovered(w http.ResponseWriter, r *http.Request) { me(w, r) }
func helperOpen(w http.ResponseWriter, r *http.Request)    { me(w, r) }

// Middleware made from a configuration whose function finds the user.

type authConfig struct {
	ParseUser func(r *http.Request) (string, error)
}

func authWith(cfg authConfig) rest.Middleware {
	return func(next http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			u, err := cfg.ParseUser(r)
			if err != nil {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			next(w, r.WithContext(context.WithValue(r.Context(), "userId", u)))
		}
	}
}

func bearerUser(r *http.Request) (string, error) { return r.Header.Get("Authorization"), nil }

func configBearer(w http.ResponseWriter, r *http.Request) { me(w, r) }

func configRoutes() {
	covered := rest.MustNewServer(rest.RestConf{})
	useNoStore(covered)
	covered.AddRoute(rest.Route{Method: http.MethodGet, Path: "/me", Handler: helperCovered})
	open := rest.MustNewServer(rest.RestConf{}) // want `gozero.helperOpen reads the context value "userId" \(through gozero.me\) but the responses of its route "GET /me"`
	useNothing(open)
	open.AddRoute(rest.Route{Method: http.MethodGet, Path: "/me", Handler: helperOpen})

	bearer := rest.MustNewServer(rest.RestConf{})
	bearer.Use(authWith(authConfig{ParseUser: bearerUser}))
	bearer.AddRoute(rest.Route{Method: http.MethodGet, Path: "/me", Handler: configBearer})
}
