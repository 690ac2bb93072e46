package router

import (
	"github.com/labstack/echo/v4"

	"resplint.test/privatecache/program/api"
	"resplint.test/privatecache/program/mw"
)

// Echo4 registers the handlers of package api: behind no-store middleware
// (silent), behind public middleware, and on a group without either.
func Echo4() *echo.Echo {
	app := echo.New()
	app.Use(mw.Echo4NoStore)
	app.GET("/covered", api.Echo4Profile)
	app.GET("/avatar", api.Echo4Avatar)
	api.RegisterEcho4(app.Group("/covered"))

	pub := echo.New()
	pub.Use(mw.Echo4Public)
	pub.GET("/profile", api.Echo4Profile) // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Echo4Profile reads the cookie "session"`
	pub.GET("/token", api.Echo4Token)     // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Echo4Token reads the Authorization header`

	open := echo.New() // want `3 routes of this router or group send per-user responses without Cache-Control private or no-store \(api.Echo4Profile reads the cookie "session", and 2 more\)`
	open.GET("/profile", api.Echo4Profile)
	open.GET("/orders", api.Echo4Orders)
	open.GET("/settings", api.Echo4Settings)
	open.GET("/token", api.Echo4Token)
	open.GET("/avatar", api.Echo4Avatar) // want `api.Echo4Avatar reads the cookie "session" and serves a response with validators on this route`
	open.POST("/profile", api.Echo4Profile)
	api.RegisterEcho4(open.Group("/v1"))
	return app
}

// Echo4Account makes a group of the router its callers give it: they
// decide, and the report names that group.
func Echo4Account(e *echo.Echo) { // want Echo4Account:`registers per-user routes on parameter 0: api.Echo4Profile`
	account := e.Group("/account")
	account.GET("/profile", api.Echo4Profile)
}
