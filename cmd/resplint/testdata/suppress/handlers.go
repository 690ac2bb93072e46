// Package suppress has findings suppressed by //resplint:ignore
// directives, and malformed directives.
package suppress

import "net/http"

// Login's cookie is suppressed by a directive on the line above.
func Login(w http.ResponseWriter, r *http.Request) {
	//resplint:ignore cookieflags TLS ends at the proxy, which adds the flags
	http.SetCookie(w, &http.Cookie{Name: "session", Value: r.FormValue("v")})
}

// Refresh's cookie is suppressed by a directive on its line.
func Refresh(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "refresh_token", Value: r.FormValue("v")}) //resplint:ignore cookieflags TLS ends at the proxy
}

// Remember's directive has no reason: it suppresses nothing.
func Remember(w http.ResponseWriter, r *http.Request) {
	//resplint:ignore cookieflags
	http.SetCookie(w, &http.Cookie{Name: "remember_me", Value: r.FormValue("v")})
}

// Auth's directive names an unknown analyzer besides cookieflags, which
// it still suppresses.
func Auth(w http.ResponseWriter, r *http.Request) {
	//resplint:ignore cookieflag,cookieflags TLS ends at the proxy
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: r.FormValue("v")})
}
