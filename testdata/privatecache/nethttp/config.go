package nethttp

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
)

// Middleware put in use by a function the router is handed to.

func useChiNoStore(r chi.Router)  { r.Use(noStore) }
func useMuxNoStore(r *mux.Router) { r.Use(noStore) }
func useChiNothing(r chi.Router)  {}
func useMuxNothing(r *mux.Router) {}

func helperUser(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(r.Context().Value("user"))
}

func chiCovered(w http.ResponseWriter, r *http.Request) { helperUser(w, r) }
func chiOpen(w http.ResponseWriter, r *http.Request)    { helperUser(w, r) }
func muxCovered(w http.ResponseWriter, r *http.Request) { helperUser(w, r) }
func muxOpen(w http.ResponseWriter, r *http.Request)    { helperUser(w, r) }

// Middleware made from a configuration whose function finds the user.

type authConfig struct {
	ParseUser func(r *http.Request) (string, error)
}

func authWith(cfg authConfig) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u, err := cfg.ParseUser(r)
			if err != nil {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), "user", u)))
		})
	}
}

func bearerUser(r *http.Request) (string, error) { return r.Header.Get("Authorization"), nil }

func sessionUser(r *http.Request) (string, error) {
	c, err := r.Cookie("session")
	if err != nil {
		return "", err
	}
	return c.Value, nil
}

func configBearer(w http.ResponseWriter, r *http.Request)  { helperUser(w, r) }
func configSession(w http.ResponseWriter, r *http.Request) { helperUser(w, r) }
func muxBearer(w http.ResponseWriter, r *http.Request)     { helperUser(w, r) }

func configRoutes() http.Handler {
	covered := chi.NewRouter()
	useChiNoStore(covered)
	covered.Get("/me", chiCovered)
	open := chi.NewRouter() // want `nethttp.chiOpen reads the context value "user" \(through nethttp.helperUser\) but the responses of its route "GET /me"`
	useChiNothing(open)
	open.Get("/me", chiOpen)

	m := mux.NewRouter()
	useMuxNoStore(m)
	m.HandleFunc("/me", muxCovered)
	mo := mux.NewRouter() // want `nethttp.muxOpen reads the context value "user" \(through nethttp.helperUser\) but the responses of its route "/me"`
	useMuxNothing(mo)
	mo.HandleFunc("/me", muxOpen)

	bearer := chi.NewRouter()
	bearer.Use(authWith(authConfig{ParseUser: bearerUser}))
	bearer.Get("/me", configBearer)
	session := chi.NewRouter() // want `nethttp.configSession reads the context value "user" \(through nethttp.helperUser\) but the responses of its route "GET /me"`
	session.Use(authWith(authConfig{ParseUser: sessionUser}))
	session.Get("/me", configSession)
	mb := mux.NewRouter()
	mb.Use(authWith(authConfig{ParseUser: bearerUser}))
	mb.HandleFunc("/me", muxBearer)

	s := http.NewServeMux()
	for _, h := range []http.Handler{covered, open, m, mo, bearer, session, mb} {
		s.Handle("/", h)
	}
	return s
}
