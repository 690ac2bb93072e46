// Package echo5 holds privatecache cases for echo v5 handlers.
package echo5

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

func me(c *echo.Context) error {
	return c.JSON(http.StatusOK, c.Get("user")) // want `handler reads the request value "user" but writes this response without Cache-Control private or no-store`
}

func session(c *echo.Context) error {
	ck, err := c.Cookie("session")
	if err != nil {
		return c.NoContent(http.StatusUnauthorized)
	}
	return c.String(http.StatusOK, ck.Value) // want `handler reads the cookie "session" but writes`
}

func bearer(c *echo.Context) error {
	tok := c.Request().Header.Get("Authorization")
	return c.Blob(http.StatusOK, "text/plain", []byte(tok)) // Authorization only: RFC 9111 section 3.5
}

func fromContext(c *echo.Context) error {
	u := c.Request().Context().Value("currentUser")
	return c.JSON(http.StatusOK, u) // want `handler reads the context value "currentUser" but writes`
}

func public(c *echo.Context) error {
	c.Response().Header().Set("Cache-Control", "public") // want `handler reads the request value "user" but sets Cache-Control "public"`
	return c.JSON(http.StatusOK, c.Get("user"))
}

// Negatives.

func private(c *echo.Context) error {
	c.Response().Header().Set(echo.HeaderCacheControl, "private")
	return c.JSON(http.StatusOK, c.Get("user"))
}

func onlyErrors(c *echo.Context) error {
	if c.Get("user") == nil {
		return c.JSON(http.StatusUnauthorized, map[string]string{"error": "login"})
	}
	return echo.NewHTTPError(http.StatusForbidden, "forbidden")
}

func onlyRedirects(c *echo.Context) error {
	if _, err := c.Cookie("session"); err != nil {
		return c.Redirect(http.StatusFound, "/login")
	}
	return c.NoContent(http.StatusNoContent)
}

func anonymous(c *echo.Context) error {
	return c.JSON(http.StatusOK, c.Get("requestID"))
}

// Routing.

func noStore(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error {
		c.Response().Header().Set("Cache-Control", "no-store")
		return next(c)
	}
}

func profile(c *echo.Context) error { return c.JSON(http.StatusOK, c.Get("user")) }

func use(c *echo.Context) error      { return profile(c) }
func routeMW(c *echo.Context) error  { return profile(c) }
func groupArg(c *echo.Context) error { return profile(c) }
func groupUse(c *echo.Context) error { return profile(c) }
func post(c *echo.Context) error     { return profile(c) }
func exposed(c *echo.Context) error  { return profile(c) }

func router() *echo.Echo {
	e := echo.New()
	e.Use(noStore)
	e.GET("/use", use)

	open := echo.New() // want `echo5.exposed reads the request value "user" \(through echo5.profile\) but the responses of its route "GET /exposed"`
	open.GET("/route", routeMW, noStore)
	g := open.Group("/g", noStore)
	g.GET("/arg", groupArg)
	g2 := open.Group("/g2")
	g2.Use(noStore)
	g2.GET("/use", groupUse)
	open.POST("/post", post)
	open.GET("/exposed", exposed)
	return open
}

type passwordChange struct {
	Old string `json:"old_password"`
	New string `json:"new_password"`
}

// Bind into a struct with neither query nor param tags reads only the
// body: the handler serves POST, whose responses shared caches do not
// store.
func changePassword(c *echo.Context) error {
	var pc passwordChange
	if err := c.Bind(&pc); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, c.Get("user"))
}

type listQuery struct {
	Page int `query:"page"`
}

// Bind into a struct with query tags may read only the query of a GET.
func listMine(c *echo.Context) error {
	var q listQuery
	if err := c.Bind(&q); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, c.Get("user")) // want `handler reads the request value "user" but writes`
}
