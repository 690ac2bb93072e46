// Package echo5 sets CORS headers by hand and through echo v5's CORS
// middleware.
package echo5

import (
	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"
)

func reflectAll(c *echo.Context) error {
	origin := c.Request().Header.Get(echo.HeaderOrigin)
	c.Response().Header().Add(echo.HeaderVary, echo.HeaderOrigin)
	c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, origin) // want `without an allow-list check`
	c.Response().Header().Set(echo.HeaderAccessControlAllowCredentials, "true")
	return c.NoContent(204)
}

func routes(e *echo.Echo) {
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
		UnsafeAllowOriginFunc: func(c *echo.Context, origin string) (string, bool, error) { // want `UnsafeAllowOriginFunc accepts every origin`
			return origin, true, nil
		},
		AllowCredentials: true,
	}))
	// "*" with credentials panics at start-up in v5: not reported.
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"*"}, AllowCredentials: true}))
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"https://app.example.com"}, AllowCredentials: true}))
	// "null" has no scheme and host: CORSWithConfig panics.
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"null"}, AllowCredentials: true}))
}
