// want package:`deletes "prefs"}`

// Package api deletes the cookie that package auth sets.
package api

import (
	"net/http"

	"resplint.test/cookiedelete/auth"
)

// Routes serves the API.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /login", auth.Login)
	mux.HandleFunc("POST /logout", logout)
	mux.HandleFunc("POST /logout2", logout2)
}

func logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "token", Path: "/", MaxAge: -1}) // want `cookie "token" is deleted without Domain but set with Domain "example.com" at auth/auth.go:10`
}

func logout2(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "token", Path: "/", Domain: ".example.com", MaxAge: -1})
	// Not set anywhere this package sees.
	http.SetCookie(w, &http.Cookie{Name: "prefs", Path: "/x", MaxAge: -1})
}
