package nethttp

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
)

// A user stored under an unexported key by middleware alone: a route
// without that middleware reads no one.

type viewerKey struct{}

func viewerAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("session")
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), viewerKey{}, c.Value)))
	})
}

func viewerPage(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(r.Context().Value(viewerKey{}))
}

func seoPage(w http.ResponseWriter, r *http.Request)       { viewerPage(w, r) }
func muxViewerPage(w http.ResponseWriter, r *http.Request) { viewerPage(w, r) }
func muxSEOPage(w http.ResponseWriter, r *http.Request)    { viewerPage(w, r) }
func stdSEOPage(w http.ResponseWriter, r *http.Request)    { viewerPage(w, r) }

// Also stored outside middleware: no route is known to lack it.

type accountKey struct{}

func withAccount(r *http.Request) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), accountKey{}, r.URL.Query().Get("a")))
}

func accountPage(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(r.Context().Value(accountKey{}))
}

func keyRoutes() http.Handler {
	r := chi.NewRouter()
	r.Route("/signed", func(r chi.Router) { // want `nethttp.viewerPage reads the context value nethttp.viewerKey but the responses of its route "GET /me" carry no Cache-Control private or no-store`
		r.Use(viewerAuth)
		r.Get("/me", viewerPage)
	})
	r.Get("/seo", seoPage)
	acct := chi.NewRouter() // want `nethttp.accountPage reads the context value nethttp.accountKey but the responses of its route "GET /me"`
	acct.Get("/me", accountPage)
	r.Mount("/acct", acct)

	m := mux.NewRouter()
	signed := m.PathPrefix("/signed").Subrouter() // want `nethttp.muxViewerPage reads the context value nethttp.viewerKey \(through nethttp.viewerPage\) but the responses of its route "/me"`
	signed.Use(viewerAuth)
	signed.HandleFunc("/me", muxViewerPage)
	m.HandleFunc("/seo", muxSEOPage)

	s := http.NewServeMux()
	s.HandleFunc("GET /seo", stdSEOPage)
	s.Handle("/r/", r)
	s.Handle("/m/", m)
	return s
}
