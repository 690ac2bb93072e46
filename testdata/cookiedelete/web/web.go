// want package:`sets "sid2", "lang2"}`

// Package web sets the cookies that package mw deletes.
package web

import (
	"net/http"

	"resplint.test/cookiedelete/mw"
)

func login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "sid2", Value: "v", Path: "/", HttpOnly: true, Secure: true}) // want `cookie "sid2" is set here with Path "/" but deleted without Path \(.*\) at mw/mw.go:12: a browser deletes a cookie only when its Path and Domain match, so that deletion leaves it; delete it with Path "/"`
	http.SetCookie(w, &http.Cookie{Name: "lang2", Value: "en", Path: "/"})
}

// Routes serves the site.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /login", login)
	mux.Handle("/", mw.Auth(http.NotFoundHandler()))
}
