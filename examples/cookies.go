package main

import (
	"crypto/rand"
	"net/http"
)

// login starts a session. Its cookie lacks HttpOnly, Secure and SameSite
// (cookieflags).
func login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name:  "session_id",
		Value: rand.Text(),
		Path:  "/",
	})
	w.WriteHeader(http.StatusNoContent)
}

// logout deletes the session cookie, but under another Path than login
// set it with, so the browser keeps it (cookiedelete).
func logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session_id", Path: "/account", MaxAge: -1, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	w.WriteHeader(http.StatusNoContent)
}
