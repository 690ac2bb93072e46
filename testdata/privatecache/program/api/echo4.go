package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Echo4 handlers: cookie-identified, Authorization-identified, a file,
// and one that sets no-store itself.

func Echo4Profile(c echo.Context) error { // want Echo4Profile:`per-user missing \(api.Echo4Profile reads the cookie "session"\)`
	ck, err := c.Cookie("session")
	if err != nil {
		return err
	}
	s := ck.Value
	return c.JSON(http.StatusOK, s)
}

func Echo4Orders(c echo.Context) error { // want Echo4Orders:`per-user missing`
	ck, err := c.Cookie("session")
	if err != nil {
		return err
	}
	s := ck.Value
	return c.JSON(http.StatusOK, []string{s})
}

func Echo4Token(c echo.Context) error { // want Echo4Token:`per-user missing \(api.Echo4Token reads the Authorization header\)`
	s := c.Request().Header.Get("Authorization")
	return c.JSON(http.StatusOK, s)
}

func Echo4Avatar(c echo.Context) error { // want Echo4Avatar:`per-user validators`
	ck, err := c.Cookie("session")
	if err != nil {
		return err
	}
	s := ck.Value
	return c.File("avatars/" + s + ".png")
}

func Echo4Settings(c echo.Context) error { // want Echo4Settings:`sets Cache-Control "no-store"`
	c.Response().Header().Set("Cache-Control", "no-store")
	ck, err := c.Cookie("session")
	if err != nil {
		return err
	}
	s := ck.Value
	return c.JSON(http.StatusOK, s)
}

// RegisterEcho4 adds a route to the group its caller gives it.
func RegisterEcho4(g *echo.Group) { // want RegisterEcho4:`registers per-user routes on parameter 0: api.Echo4Profile`
	g.GET("/me", Echo4Profile)
}
