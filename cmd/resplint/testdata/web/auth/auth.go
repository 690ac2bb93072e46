// Package auth sets cookies for its callers.
package auth

import "net/http"

// SetAuth sets an authentication cookie, without Secure.
func SetAuth(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}
