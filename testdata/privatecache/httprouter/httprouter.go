// Package httprouter holds privatecache cases for httprouter: its
// handlers take the path's parameters third, and middleware wraps the
// whole router.
package httprouter

import (
	"encoding/json"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

func account(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	c, err := r.Cookie("session")
	if err != nil {
		http.Error(w, "login", http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"session": c.Value, "id": ps.ByName("id")})
}

func orders(w http.ResponseWriter, r *http.Request, ps httprouter.Params)  { account(w, r, ps) }
func update(w http.ResponseWriter, r *http.Request, ps httprouter.Params)  { account(w, r, ps) }
func covered(w http.ResponseWriter, r *http.Request, ps httprouter.Params) { account(w, r, ps) }

func public(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	if _, err := r.Cookie("session"); err != nil {
		http.Error(w, "login", http.StatusUnauthorized)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=600") // want `handler reads the cookie "session" but sets Cache-Control "public, max-age=600"`
	w.Write([]byte("hello"))
}

// Negatives.

func private(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.Header().Set("Cache-Control", "private, no-store")
	c, _ := r.Cookie("session")
	w.Write([]byte(c.Value))
}

func anonymous(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	lang, _ := r.Cookie("lang")
	w.Write([]byte(lang.Value + ps.ByName("page")))
}

func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// Routing.

func serve() {
	open := httprouter.New() // want `2 routes of this router or group send per-user responses`
	open.GET("/account/:id", account)
	open.Handle(http.MethodGet, "/orders/:id", orders)
	open.POST("/account/:id", update)
	open.GET("/public", public)
	open.GET("/private", private)
	open.GET("/", anonymous)
	go http.ListenAndServe(":8080", open)

	// Middleware wraps the whole router: it covers every route.
	wrapped := httprouter.New()
	wrapped.GET("/covered/:id", covered)
	http.ListenAndServe(":8081", noStore(wrapped))
}
