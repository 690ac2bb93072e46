package api

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

// Echo5 handlers: cookie-identified, Authorization-identified, a file,
// and one that sets no-store itself.

func Echo5Profile(c *echo.Context) error { // want Echo5Profile:`per-user missing \(api.Echo5Profile reads the cookie "session"\)`
	ck, err := c.Cookie("session")
	if err != nil {
		return err
	}
	s := ck.Value
	return c.JSON(http.StatusOK, s)
}

func Echo5Orders(c *echo.Context) error { // want Echo5Orders:`per-user missing`
	ck, err := c.Cookie("session")
	if err != nil {
		return err
	}
	s := ck.Value
	return c.JSON(http.StatusOK, []string{s})
}

func Echo5Token(c *echo.Context) error { // want Echo5Token:`per-user missing \(api.Echo5Token reads the Authorization header\)`
	s := c.Request().Header.Get("Authorization")
	return c.JSON(http.StatusOK, s)
}

func Echo5Avatar(c *echo.Context) error { // want Echo5Avatar:`per-user validators`
	ck, err := c.Cookie("session")
	if err != nil {
		return err
	}
	s := ck.Value
	return c.File("avatars/" + s + ".png")
}

func Echo5Settings(c *echo.Context) error { // want Echo5Settings:`sets Cache-Control "no-store"`
	c.Response().Header().Set("Cache-Control", "no-store")
	ck, err := c.Cookie("session")
	if err != nil {
		return err
	}
	s := ck.Value
	return c.JSON(http.StatusOK, s)
}

// RegisterEcho5 adds a route to the group its caller gives it.
func RegisterEcho5(g *echo.Group) { // want RegisterEcho5:`registers per-user routes on parameter 0: api.Echo5Profile`
	g.GET("/me", Echo5Profile)
}
