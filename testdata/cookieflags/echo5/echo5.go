// Package echo5 holds cookieflags cases for echo v5 handlers.
package echo5

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

func login(c *echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", Secure: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" is set without HttpOnly`
	c.Response().Header().Add("Set-Cookie", "sid=1; Secure; SameSite=Lax")                               // want `cookie "sid" is set without HttpOnly`
	return c.JSON(http.StatusOK, "ok")
}

func negatives(c *echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	c.SetCookie(&http.Cookie{Name: "lang", Value: "en"})
	c.SetCookie(&http.Cookie{Name: "login", Expires: (http.Cookie{}).Expires, MaxAge: -1, Secure: true})
	return nil
}

// Secure left off in the branch for plain HTTP is the program's choice.
func plainHTTP(c *echo.Context) error {
	if c.Request().TLS == nil {
		c.SetCookie(&http.Cookie{Name: "session", Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode})
		return nil
	}
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" is set without Secure`
	return nil
}

// The request's cookie, set again after a change, carries none of the
// flags it was set with; set again with them, it is not reported.
func extend(c *echo.Context) error {
	ck, err := c.Cookie("session")
	if err != nil {
		return err
	}
	ck.MaxAge = 3600
	c.SetCookie(ck) // want `cookie "session" is set without HttpOnly` `cookie "session" is set without Secure` `cookie "session" is set without SameSite`
	again, err := c.Cookie("session")
	if err != nil {
		return err
	}
	again.MaxAge = 3600
	again.HttpOnly = true
	again.Secure = true
	again.SameSite = http.SameSiteLaxMode
	c.SetCookie(again)
	return c.NoContent(http.StatusNoContent)
}
