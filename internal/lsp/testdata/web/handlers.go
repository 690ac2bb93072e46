// Package web has handlers that set cookies.
package web

import (
	"net/http"

	"example.com/web/auth"
)

// Login sets a session cookie without Secure. Its value has characters
// outside the Basic Multilingual Plane, which take two UTF-16 units.
func Login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "🍪🍪", HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// Prefs sets a cookie that is sensitive only by the names setting.
func Prefs(w http.ResponseWriter, r *http.Request) {
	c := &http.Cookie{
		Name:     "prefs",
		Value:    "dark",
		HttpOnly: true,
	}
	c.SameSite = http.SameSiteLaxMode
	http.SetCookie(w, c)
}

// Remember sets a session cookie through a helper of another package.
func Remember(w http.ResponseWriter, r *http.Request) {
	auth.SetAuth(w, "session_id", r.FormValue("v"))
}
