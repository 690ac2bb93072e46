// want package:`sets "remember"}`

// Package mux holds cookiedelete cases for net/http handlers on a
// gorilla/mux router.
package mux

import (
	"net/http"

	"github.com/gorilla/mux"
)

type handlers struct{}

func (handlers) login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "remember", Value: "v", Path: "/account", HttpOnly: true, Secure: true})
}

func (handlers) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "remember", Path: "/", MaxAge: -1})        // want `cookie "remember" is deleted with Path "/" but set with Path "/account" at mux/mux.go:16`
	http.SetCookie(w, &http.Cookie{Name: "remember", Path: "/account", MaxAge: -1}) // the set site's Path
}

func routes() http.Handler {
	var h handlers
	r := mux.NewRouter()
	r.HandleFunc("/account/login", h.login).Methods(http.MethodPost)
	r.HandleFunc("/account/logout", h.logout).Methods(http.MethodPost)
	return r
}
