package fixes

import "net/http"

// The request's session cookie, made longer-lived and set again: the
// fix sets the flags on it before it is set.
func extendSession(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		return
	}
	c.MaxAge = 3600
	http.SetCookie(w, c) // want "HttpOnly" "Secure" "SameSite"
}
