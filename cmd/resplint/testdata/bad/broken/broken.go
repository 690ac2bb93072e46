// Package broken does not type-check.
package broken

import "net/http"

// Login sets a session cookie without any of its attributes.
func Login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: x})
}

// Count returns a string as an int.
func Count() int { return "many" }
