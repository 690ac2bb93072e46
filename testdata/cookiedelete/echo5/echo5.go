// want package:`sets "session"}`

// Package echo5 holds cookiedelete cases for echo v5 handlers.
package echo5

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

func login(c *echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", Path: "/", Domain: "app.example.com", HttpOnly: true, Secure: true})
	return c.NoContent(http.StatusOK)
}

func logout(c *echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "session", Path: "/", Domain: "app.example.com", MaxAge: -1})
	c.SetCookie(&http.Cookie{Name: "session", Path: "/", Domain: "example.com", MaxAge: -1}) // want `cookie "session" is deleted with Domain "example.com" but set with Domain "app.example.com" at echo5/echo5.go:13`
	return c.NoContent(http.StatusOK)
}
