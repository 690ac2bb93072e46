// Package clean sets its cookies correctly.
package clean

import "net/http"

// Login sets a session cookie with all its attributes.
func Login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name:     "session",
		Value:    r.FormValue("v"),
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	})
}
