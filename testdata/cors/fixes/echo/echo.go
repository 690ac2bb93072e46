// Package echo is fixed by adding Vary: Origin.
package echo

import "github.com/labstack/echo/v4"

var allowed = map[string]bool{"https://app.example.com": true}

func handler(c echo.Context) error {
	if origin := c.Request().Header.Get(echo.HeaderOrigin); allowed[origin] {
		c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, origin) // want `without Vary: Origin`
	}
	return c.NoContent(204)
}
