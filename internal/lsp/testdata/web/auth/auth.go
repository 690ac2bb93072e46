// Package auth sets cookies for the handlers.
package auth

import "net/http"

// SetAuth sets a cookie whose name its caller chooses, without Secure.
func SetAuth(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}
