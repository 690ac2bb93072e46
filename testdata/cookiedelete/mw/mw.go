// want package:`deletes "sid2", "lang2"}`

// Package mw deletes cookies that package web, which imports it, sets.
package mw

import "net/http"

// Auth signs the user out when the session is gone.
func Auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("sid2"); err != nil {
			http.SetCookie(w, &http.Cookie{Name: "sid2", MaxAge: -1})
			http.SetCookie(w, &http.Cookie{Name: "lang2", Path: "/", MaxAge: -1})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Expire ends the session.
func Expire(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sid2", MaxAge: -1})
}
