// Package gcl has cookies for the golangci-lint end-to-end test.
package gcl

import "net/http"

// Login sets a session cookie without any of its attributes.
func Login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: r.FormValue("v")})
}

// Theme sets a cookie that needs no protection unless all: true.
func Theme(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark", SameSite: http.SameSiteLaxMode})
}

// Quiet's cookie is suppressed by golangci-lint's nolint directive.
func Quiet(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: r.FormValue("v")}) //nolint:resplint // set behind a TLS proxy
}

// Ignored's cookie is suppressed by resplint's own directive.
func Ignored(w http.ResponseWriter, r *http.Request) {
	//resplint:ignore cookieflags TLS ends at the proxy, which adds the flags
	http.SetCookie(w, &http.Cookie{Name: "token", Value: r.FormValue("v")})
}

// Unreasoned's directive has no reason: it suppresses nothing and is
// reported.
func Unreasoned(w http.ResponseWriter, r *http.Request) {
	//resplint:ignore cookieflags
	http.SetCookie(w, &http.Cookie{Name: "remember", Value: r.FormValue("v"), HttpOnly: true, SameSite: http.SameSiteLaxMode})
}
