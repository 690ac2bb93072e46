// Package gin holds cookieflags cases for gin handlers.
package gin

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

func login(c *gin.Context) {
	// gin v1.12 writes no SameSite unless SetSameSite was called.
	c.SetCookie("session", "v", 3600, "/", "", false, false) // want `cookie "session" is set without HttpOnly: .*; pass httpOnly=true to SetCookie` `cookie "session" is set without Secure` `cookie "session" is set without SameSite: .*; call c.SetSameSite`
	c.String(http.StatusOK, "ok")
}

func withSameSite(c *gin.Context) {
	c.SetSameSite(http.SameSiteLaxMode)
	c.SetCookie("auth_token", "v", 3600, "", "", true, true)
	c.SetCookie("jwt", "v", 3600, "/", "", false, true)        // want `cookie "jwt" is set without Secure`
	c.SetCookie("2fa_secret", "v", 1800, "/", "", false, true) // want `cookie "2fa_secret" is set without Secure`
	c.SetCookie("oauth_state", "s", 600, "/", "", false, true) // want `cookie "oauth_state" is set without Secure`
}

func setCookieData(c *gin.Context) {
	c.SetCookieData(&http.Cookie{Name: "refresh", Value: "v", HttpOnly: true, Secure: true}) // want `cookie "refresh" is set without SameSite`
	c.SetCookieData(&http.Cookie{Name: "sid", Value: "v", HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
}

func header(c *gin.Context, tok string) {
	c.Header("Set-Cookie", "access_token="+tok+"; Path=/; HttpOnly; Secure")           // want `cookie "access_token" is set without SameSite`
	c.Writer.Header().Add("Set-Cookie", "token="+tok+"; Path=/; Secure; SameSite=Lax") // want `cookie "token" is set without HttpOnly`
}

func prefix(c *gin.Context) {
	// gin turns an empty path into "/".
	c.SetCookie("__Host-theme", "dark", 0, "", "", true, false)
	c.SetCookie("__Host-lang", "en", 0, "/app", "", true, false) // want `cookie "__Host-lang" has the __Host- prefix but its Path is not "/"`
}

func negatives(c *gin.Context, secure bool) {
	c.SetCookie("theme", "dark", 0, "/", "", false, false)
	c.SetCookie("csrf_token", "t", 0, "/", "", true, false)
	c.SetCookie("app_auth_expires", "1700000000", 3600, "/", "", secure, false) // read by the page's scripts
	c.SetCookie("session", "", -1, "/", "", true, false)
	c.SetCookie("session", "", 0, "/", "", false, false)     // cleared: nothing to protect
	c.SetCookie("session", "v", 3600, "/", "", secure, true) // want `cookie "session" is set without SameSite`
}

type sslUpdate struct{ SSL string }

// Turning HTTPS off: the session cookie is set again without Secure, on
// purpose.
func disableSSL(c *gin.Context, req sslUpdate) {
	c.SetSameSite(http.SameSiteLaxMode)
	if req.SSL == "disable" {
		c.SetCookie("session", "v", 0, "/", "", false, true)
		return
	}
	c.SetCookie("session", "v", 0, "/", "", false, true) // want `cookie "session" is set without Secure`
}

// A factory of net/http cookies that returns an error too, set through
// the response writer or SetCookieData.
func newGinSession(user string) (*http.Cookie, error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	return &http.Cookie{Name: "session", Value: user, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode}, nil
}

func newGinSafeSession(user string) (*http.Cookie, error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	return &http.Cookie{Name: "session", Value: user, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}, nil
}

func ginFactory(c *gin.Context) {
	cookie, err := newGinSession(c.Query("user"))
	if err != nil {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	http.SetCookie(c.Writer, cookie) // want `cookie "session" is set without Secure`
	c.SetCookieData(cookie)          // want `cookie "session" is set without Secure`
	safe, err := newGinSafeSession(c.Query("user"))
	if err != nil {
		return
	}
	http.SetCookie(c.Writer, safe)
	c.SetCookieData(safe)
}
