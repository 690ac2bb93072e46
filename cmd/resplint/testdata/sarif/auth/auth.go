// Package auth sets cookies for its callers.
package auth

import "net/http"

// Remember sets a remember-me cookie without Secure.
func Remember(w http.ResponseWriter, v string) {
	http.SetCookie(w, &http.Cookie{Name: "remember", Value: v, HttpOnly: true, SameSite: http.SameSiteStrictMode})
}

// Set sets a cookie without Secure; callers that pass a sensitive name
// are reported.
func Set(w http.ResponseWriter, name, v string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: v, HttpOnly: true, SameSite: http.SameSiteStrictMode})
}
