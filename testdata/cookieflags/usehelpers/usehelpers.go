// Package usehelpers calls the helpers package: findings that depend on
// its arguments are reported here, through facts.
package usehelpers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"resplint.test/cookieflags/helpers"
)

func handler(w http.ResponseWriter, r *http.Request) {
	helpers.SetAuth(w, "session_id", "v") // want `cookie "session_id" \(set by helpers.SetAuth\) is set without Secure`
	helpers.SetAuth(w, "theme", "dark")
	helpers.SetFlags(w, "v", false, true) // want `cookie "session" \(set by helpers.SetFlags\) is set without Secure`
	helpers.SetFlags(w, "v", true, true)
	helpers.SetSession(w, "v")
	http.SetCookie(w, helpers.NewCookie("auth", "v")) // want `cookie "auth" is set without HttpOnly`
	http.SetCookie(w, helpers.NewCookie("lang", "en"))
	wrapper(w, "access_token") // want `cookie "access_token" \(set by usehelpers.wrapper\) is set without Secure`
}

// A factory of another package that also returns an error is followed
// through its fact.
func login(w http.ResponseWriter, r *http.Request) {
	c, err := helpers.NewSession(r.FormValue("user"))
	if err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	http.SetCookie(w, c) // want `cookie "session" is set without Secure`
	safe, err := helpers.NewSecureSession(r.FormValue("user"))
	if err != nil {
		return
	}
	http.SetCookie(w, safe)
}

// wrapper passes its own parameter on: its callers see through both.
func wrapper(w http.ResponseWriter, name string) {
	helpers.SetAuth(w, name, "v")
}

func ginHandler(c *gin.Context) {
	helpers.GinToken(c, "jwt", "v") // want `cookie "jwt" \(set by helpers.GinToken\) is set without SameSite`
}
