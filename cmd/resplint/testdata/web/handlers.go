// Package web has handlers that set cookies.
package web

import (
	"net/http"

	"example.com/web/auth"
)

// Login sets a session cookie without any of its attributes.
func Login(w http.ResponseWriter, r *http.Request) {
	v := r.FormValue("v")
	http.SetCookie(w, &http.Cookie{Name: "session", Value: v})
}

// Theme sets a cookie that needs no protection.
func Theme(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark", SameSite: http.SameSiteLaxMode})
}

// Remember sets a session cookie through a helper of another package.
func Remember(w http.ResponseWriter, r *http.Request) {
	auth.SetAuth(w, "session", r.FormValue("v"))
}
