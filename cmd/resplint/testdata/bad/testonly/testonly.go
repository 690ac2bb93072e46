// Package testonly type-checks, but its test does not.
package testonly

import "net/http"

// Login sets a session cookie without any of its attributes.
func Login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: r.FormValue("v")})
}
