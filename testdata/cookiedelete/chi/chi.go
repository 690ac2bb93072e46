// want package:`sets "sid"}`

// Package chi holds cookiedelete cases for net/http handlers on a chi
// router.
package chi

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func routes() http.Handler {
	r := chi.NewRouter()
	r.Post("/auth/login", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: "v", Path: "/", HttpOnly: true, Secure: true})
	})
	r.Post("/auth/logout", func(w http.ResponseWriter, r *http.Request) {
		// Without Path, the browser takes "/auth" from the request.
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: "", MaxAge: -1}) // want `cookie "sid" is deleted without Path .* but set with Path "/" at chi/chi.go:16`
	})
	r.Post("/auth/logout2", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: "", Path: "/", MaxAge: -1})
	})
	return r
}
