package nethttp

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// The application's own router around chi, and its own middleware type,
// which the router makes into chi's middleware.

type wrapKey string

type appRouter struct{ chi chi.Router }

type apiHandler func(w http.ResponseWriter, r *http.Request) error

type middlewareHandler func(w http.ResponseWriter, r *http.Request) (context.Context, error)

func (r *appRouter) Route(p string, fn func(*appRouter)) {
	r.chi.Route(p, func(c chi.Router) { fn(&appRouter{c}) })
}

func (r *appRouter) Get(p string, fn apiHandler) { r.chi.Get(p, fn.serve) }

func (r *appRouter) With(fn middlewareHandler) *appRouter {
	return &appRouter{r.chi.With(wrapMiddleware(fn))}
}

func (r *appRouter) Use(fn middlewareHandler) { r.chi.Use(wrapMiddleware(fn)) }

// Attach is Use by another name.
func (r *appRouter) Attach(fn middlewareHandler) { r.chi.Use(wrapMiddleware(fn)) }

func wrapMiddleware(fn middlewareHandler) func(http.Handler) http.Handler { return fn.handler }

func (h apiHandler) serve(w http.ResponseWriter, r *http.Request) {
	if err := h(w, r); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (m middlewareHandler) handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, err := m(w, r)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requireBearer finds the user from Authorization alone.
func requireBearer(w http.ResponseWriter, r *http.Request) (context.Context, error) {
	tok := r.Header.Get("Authorization")
	return context.WithValue(r.Context(), wrapKey("user"), tok), nil
}

// requireSession finds the user from a session cookie.
func requireSession(w http.ResponseWriter, r *http.Request) (context.Context, error) {
	c, err := r.Cookie("session")
	if err != nil {
		return nil, errors.New("no session")
	}
	return context.WithValue(r.Context(), wrapKey("user"), c.Value), nil
}

func wrappedUser(w http.ResponseWriter, r *http.Request) error {
	return json.NewEncoder(w).Encode(r.Context().Value(wrapKey("user")))
}

func wrappedProfile(w http.ResponseWriter, r *http.Request) error {
	return json.NewEncoder(w).Encode(r.Context().Value(wrapKey("user")))
}

func wrappedSettings(w http.ResponseWriter, r *http.Request) error {
	return json.NewEncoder(w).Encode(r.Context().Value(wrapKey("user")))
}

func wrappedAccount(w http.ResponseWriter, r *http.Request) error {
	return json.NewEncoder(w).Encode(r.Context().Value(wrapKey("user")))
}

func wrappedRoutes() http.Handler {
	r := &appRouter{chi.NewRouter()}
	r.With(requireBearer).Route("/user", func(r *appRouter) {
		r.Get("/", wrappedUser)
	})
	r.Route("/admin", func(r *appRouter) {
		r.Use(requireBearer)
		r.Get("/", wrappedAccount)
	})
	r.Route("/settings", func(r *appRouter) {
		r.Attach(requireBearer)
		r.Get("/", wrappedSettings)
	})
	r.With(requireSession).Route("/profile", func(r *appRouter) { // want `nethttp.wrappedProfile reads the context value "user" but the responses of its route "GET /" carry no Cache-Control private or no-store`
		r.Get("/", wrappedProfile)
	})
	return r.chi
}
