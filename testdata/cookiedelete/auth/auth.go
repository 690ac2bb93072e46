// want package:`sets "token"}`

// Package auth sets the cookie that package api deletes.
package auth

import "net/http"

// Login signs the user in.
func Login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "token", Value: "v", Path: "/", Domain: "example.com", HttpOnly: true, Secure: true})
}
