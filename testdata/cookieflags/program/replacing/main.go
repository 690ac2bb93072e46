// Command replacing saves every session with Options of its own and
// replaces store.Handed's Options: no store's defaults reach a live
// cookie.
package main

import (
	"net/http"

	"github.com/gorilla/sessions"

	"resplint.test/cookieflags/program/store"
)

func visit(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Plain.Get(r, "visit")
	s.Options = &sessions.Options{Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}
	s.Save(r, w)
}

func main() {
	store.Handed.Options = &sessions.Options{Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}
	http.HandleFunc("/", visit)
	http.ListenAndServe(":8080", nil)
}
