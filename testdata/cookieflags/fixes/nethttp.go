// Package fixes holds the inputs of cookieflags' suggested-fix golden tests.
package fixes

import (
	"fmt"
	"net/http"
)

func literals(w http.ResponseWriter, tok string) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: tok}) // want "HttpOnly" "Secure" "SameSite"

	http.SetCookie(w, &http.Cookie{ // want "HttpOnly"
		Name:     "auth_token",
		Value:    tok,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	})

	http.SetCookie(w, &http.Cookie{Name: "jwt", Value: tok, HttpOnly: false, Secure: true, SameSite: http.SameSiteLaxMode}) // want "HttpOnly"

	c := new(http.Cookie)
	c.Name = "refresh_token"
	c.Value = tok
	c.HttpOnly = true
	c.SameSite = http.SameSiteStrictMode
	http.SetCookie(w, c) // want "Secure"

	w.Header().Add("Set-Cookie", fmt.Sprintf("sid=%s; Path=/; Secure; SameSite=Lax", tok)) // want "HttpOnly"
	w.Header().Add("Set-Cookie", "access_token="+tok+"; Path=/; HttpOnly; SameSite=Lax")   // want "Secure"
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Value: tok, Secure: true})           // want `Path is not "/"`
}

func logout(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session_id", MaxAge: -1}) // a deletion: cookiedelete's rule, not this check's
}
