// Package echo4 sets CORS headers by hand and through echo v4's CORS
// middleware.
package echo4

import (
	"slices"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

var allowedList = []string{"https://app.example.com"}

func reflectAll(c echo.Context) error {
	origin := c.Request().Header.Get(echo.HeaderOrigin)
	c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, origin) // want `without an allow-list check` `without Vary: Origin`
	c.Response().Header().Set(echo.HeaderAccessControlAllowCredentials, "true")
	return c.NoContent(204)
}

func checked(c echo.Context) error {
	origin := c.Request().Header.Get(echo.HeaderOrigin)
	c.Response().Header().Add(echo.HeaderVary, echo.HeaderOrigin)
	if slices.Contains(allowedList, origin) {
		c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, origin)
		c.Response().Header().Set(echo.HeaderAccessControlAllowCredentials, "true")
	}
	return c.NoContent(204)
}

func routes(e *echo.Echo) {
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowCredentials: true})) // want `echo's CORS middleware allows every origin with credentials, and so sends Access-Control-Allow-Origin "\*"`
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{                          // want `with UnsafeWildcardOriginWithAllowCredentials, answers each with its own origin`
		AllowOrigins:                             []string{"*"},
		AllowCredentials:                         true,
		UnsafeWildcardOriginWithAllowCredentials: true,
	}))
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOriginFunc:  func(origin string) (bool, error) { return true, nil }, // want `AllowOriginFunc accepts every origin`
		AllowCredentials: true,
	}))

	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"null"}, AllowCredentials: true})) // want `echo's CORS middleware allows the origin "null"`

	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"https://*example.com"}, AllowCredentials: true})) // want `echo's CORS middleware allows origins matching`
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"https://app.example.com", "https://*.example.com"}, AllowCredentials: true}))
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"*"}}))
	e.Use(middleware.CORS())
}
