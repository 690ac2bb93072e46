package httprouter // want package:`stores httprouter\.userKey \(middleware\)`

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

// Identity from request headers. A credential header the client adds
// itself (X-Api-Key) is never sent by a browser on its own: missing does
// not apply, public and validators do. A header that an authenticating
// proxy sets from its session (X-Forwarded-User) counts as the session.

func apiKey(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	json.NewEncoder(w).Encode(r.Header.Get("X-Api-Key"))
}

func apiKeyPublic(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.Header().Set("Cache-Control", "public, max-age=60") // want `handler reads the X-Api-Key header but sets Cache-Control "public, max-age=60"`
	json.NewEncoder(w).Encode(r.Header.Get("X-Api-Key"))
}

func apiKeyFile(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	http.ServeFile(w, r, "files/"+r.Header.Get("Api-Token")) // want `handler reads the Api-Token header and serves this response with validators`
}

func proxyUser(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	json.NewEncoder(w).Encode(r.Header.Get("X-Forwarded-User")) // want `handler reads the X-Forwarded-User header but writes this response without Cache-Control private or no-store`
}

// Middleware that reads the user from a credential header wraps the
// whole router: the handlers that read the user it stores are judged as
// header reads.

type userKey struct{}

func keyAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("X-Gotify-Key")
		if key == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, key)))
	})
}

func cookieAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("session")
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, c.Value)))
	})
}

func keyed(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	json.NewEncoder(w).Encode(r.Context().Value(userKey{}))
}

func cookied(w http.ResponseWriter, r *http.Request, ps httprouter.Params) { keyed(w, r, ps) }

// A qualified no-cache on a page served only for POST: its response is
// not stored.
func flash(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	_, _ = r.Cookie("session")
	w.Header().Set("Cache-Control", `no-cache="Set-Cookie"`)
	w.Write([]byte("saved"))
}

func headerRoutes() {
	keys := httprouter.New()
	keys.GET("/keys/me", keyed)
	keys.POST("/flash", flash)
	go http.ListenAndServe(":8082", keyAuth(keys))

	cookies := httprouter.New() // want `httprouter.cookied reads the context value httprouter.userKey \(through httprouter.keyed\) but the responses of its route "GET /cookies/me" carry no Cache-Control private or no-store`
	cookies.GET("/cookies/me", cookied)
	http.ListenAndServe(":8083", cookieAuth(cookies))
}

// A user stored under an unexported key by middleware alone: a router
// without that middleware reads no one.

// A credential in the query is in the cache key: only public applies,
// behind middleware that reads it too.

func apiKeyParam(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	http.ServeFile(w, r, "files/"+r.URL.Query().Get("api_key"))
}

func queryAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, r.FormValue("token"))))
	})
}

func queried(w http.ResponseWriter, r *http.Request, ps httprouter.Params) { keyed(w, r, ps) }

// Whatever the parameter's name, middleware that finds the user it
// stores in the query finds it in the URL.
func queryAccess(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		qat := r.FormValue("qat")
		if qat == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, "u-"+qat)))
	})
}

func queryRoutes() {
	q := httprouter.New()
	q.GET("/query/me", queried)
	http.ListenAndServe(":8085", queryAuth(q))
	qa := httprouter.New()
	qa.GET("/qat/me", queried)
	http.ListenAndServe(":8086", queryAccess(qa))
}

func seoPage(w http.ResponseWriter, r *http.Request, ps httprouter.Params) { keyed(w, r, ps) }

func seoRoutes() {
	seo := httprouter.New()
	seo.GET("/seo", seoPage)
	http.ListenAndServe(":8084", seo)
}
