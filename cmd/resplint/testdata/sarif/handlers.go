// Package sarif has findings on lines with characters outside ASCII and
// outside the Basic Multilingual Plane, a finding with related
// information, and one in a subdirectory.
package sarif

import (
	"net/http"

	"example.com/sarif/auth"
)

// Login sets a session cookie whose value is a literal with an emoji
// and accents before the end of the cookie literal.
func Login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Value: "🍪 crème brûlée", Name: "session"})
}

// Token sets a cookie declared on another line.
func Token(w http.ResponseWriter, r *http.Request) {
	c := &http.Cookie{Name: "token", Value: r.FormValue("t"), HttpOnly: true, SameSite: http.SameSiteLaxMode}
	http.SetCookie(w, c)
}

// Remember is suppressed.
func Remember(w http.ResponseWriter, r *http.Request) {
	auth.Set(w, "session", r.FormValue("v")) //resplint:ignore cookieflags the CDN adds Secure
}
