// want package:`sets "session", "lang"}`

// Package echo4 holds cookiedelete cases for echo v4 handlers.
package echo4

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

func login(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", Path: "/", HttpOnly: true, Secure: true})
	// echo writes through net/http: no Path for an empty one.
	c.SetCookie(&http.Cookie{Name: "lang", Value: "en"})
	return c.NoContent(http.StatusOK)
}

func logout(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "session", Path: "/", MaxAge: -1, HttpOnly: true, Secure: true})
	c.SetCookie(&http.Cookie{Name: "session", Expires: time.Unix(0, 0)})        // want `cookie "session" is deleted without Path .* but set with Path "/" at echo4/echo4.go:14`
	c.SetCookie(&http.Cookie{Name: "session", Value: "", Path: "/", MaxAge: 0}) // want `cookie "session" is written with an empty value and MaxAge 0`
	c.SetCookie(&http.Cookie{Name: "lang", MaxAge: -1})                         // both without Path
	c.SetCookie(&http.Cookie{Name: "lang", Path: "/", MaxAge: -1})              // want `cookie "lang" is deleted with Path "/" but set without Path`
	return c.NoContent(http.StatusOK)
}
