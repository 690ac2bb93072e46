package nethttp

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
)

// Identity from request headers. A credential header the client adds
// itself (X-Api-Key) is never sent by a browser on its own: missing does
// not apply, public and validators do. A header that an authenticating
// proxy sets from its session (X-Forwarded-User) counts as the session.

func apiKey(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(r.Header.Get("X-Api-Key"))
}

func apiKeyPublic(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=60") // want `handler reads the X-Api-Key header but sets Cache-Control "public, max-age=60"`
	json.NewEncoder(w).Encode(r.Header.Get("X-Api-Key"))
}

func apiKeyFile(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, "files/"+r.Header.Get("Api-Token")) // want `handler reads the Api-Token header and serves this response with validators`
}

func proxyUser(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(r.Header.Get("X-Forwarded-User")) // want `handler reads the X-Forwarded-User header but writes this response without Cache-Control private or no-store`
}

func csrfHeader(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(r.Header.Get("X-Csrf-Token"))
}

// Middleware that reads the user from a credential header: the handlers
// behind it that read the user it stores are judged as header reads.

func keyAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("X-Gotify-Key")
		if key == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, key)))
	})
}

func cookieAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("session")
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, c.Value)))
	})
}

func keyed(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(r.Context().Value(userKey))
}

func keyedFile(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, r.Context().Value(userKey).(string)+".csv") // want `handler reads the context value nethttp.userKey and serves this response with validators`
}

func muxKeyed(w http.ResponseWriter, r *http.Request)   { keyed(w, r) }
func stdKeyed(w http.ResponseWriter, r *http.Request)   { keyed(w, r) }
func cookied(w http.ResponseWriter, r *http.Request)    { keyed(w, r) }
func muxCookied(w http.ResponseWriter, r *http.Request) { keyed(w, r) }

// A qualified no-cache on a page served only for POST: its response is
// not stored.
func flash(w http.ResponseWriter, r *http.Request) {
	_, _ = r.Cookie("session")
	w.Header().Set("Cache-Control", `no-cache="Set-Cookie"`)
	w.Write([]byte("saved"))
}

func flashPage(w http.ResponseWriter, r *http.Request) {
	_, _ = r.Cookie("session")
	w.Header().Set("Cache-Control", `no-cache="Set-Cookie"`) // want `handler reads the cookie "session" but sets Cache-Control "no-cache=\\"Set-Cookie\\"", without private or no-store`
	w.Write([]byte("saved"))
}

func chiFlash(w http.ResponseWriter, r *http.Request) { flash(w, r) }
func muxFlash(w http.ResponseWriter, r *http.Request) { flash(w, r) }

// A credential in the query or a form (?api_key=) is in the cache key,
// or in a POST body: only public applies, to the handler and behind
// middleware that reads it.

func apiKeyParam(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, "files/"+r.URL.Query().Get("api_key"))
}

func apiKeyParamPublic(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=60") // want `handler reads the query or form value "api_key" but sets Cache-Control "public, max-age=60"`
	json.NewEncoder(w).Encode(r.FormValue("api_key"))
}

func queryAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, q.Get("token"))))
	})
}

func queried(w http.ResponseWriter, r *http.Request)    { keyed(w, r) }
func muxQueried(w http.ResponseWriter, r *http.Request) { keyed(w, r) }

// Whatever the parameter's name, middleware that finds the user it
// stores in the query finds it in the URL.
func queryAccess(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		qat := r.URL.Query().Get("qat")
		if qat == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, "u-"+qat)))
	})
}

func headerRoutes() http.Handler {
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		r.Use(keyAuth)
		r.Get("/keys/me", keyed)
		r.Get("/keys/export", keyedFile)
	})
	r.Route("/cookies", func(r chi.Router) { // want `nethttp.cookied reads the context value nethttp.userKey \(through nethttp.keyed\) but the responses of its route "GET /me" carry no Cache-Control private or no-store`
		r.Use(cookieAuth)
		r.Get("/me", cookied)
	})
	r.With(queryAuth).Get("/query/me", queried)
	r.With(queryAccess).Get("/qat/me", queried)
	r.Post("/flash", chiFlash)

	m := mux.NewRouter()
	keys := m.PathPrefix("/keys").Subrouter()
	keys.Use(keyAuth)
	keys.HandleFunc("/me", muxKeyed)
	cookies := m.PathPrefix("/cookies").Subrouter() // want `nethttp.muxCookied reads the context value nethttp.userKey \(through nethttp.keyed\) but the responses of its route "/me" carry no Cache-Control private or no-store`
	cookies.Use(cookieAuth)
	cookies.HandleFunc("/me", muxCookied)
	m.HandleFunc("/flash", muxFlash).Methods(http.MethodPost)
	mq := m.PathPrefix("/query").Subrouter()
	mq.Use(queryAuth)
	mq.HandleFunc("/me", muxQueried)

	s := http.NewServeMux()
	s.Handle("/keys/me", keyAuth(http.HandlerFunc(stdKeyed)))
	s.HandleFunc("POST /flash", flash)
	s.HandleFunc("GET /flash", flashPage)
	s.Handle("/r/", r)
	s.Handle("/m/", m)
	return s
}
