package router

import (
	"github.com/labstack/echo/v5"

	"resplint.test/privatecache/program/api"
	"resplint.test/privatecache/program/mw"
)

// Echo5 registers the handlers of package api: behind no-store middleware
// (silent), behind public middleware, and on a group without either.
func Echo5() *echo.Echo {
	app := echo.New()
	app.Use(mw.Echo5NoStore)
	app.GET("/covered", api.Echo5Profile)
	app.GET("/avatar", api.Echo5Avatar)
	api.RegisterEcho5(app.Group("/covered"))

	pub := echo.New()
	pub.Use(mw.Echo5Public)
	pub.GET("/profile", api.Echo5Profile) // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Echo5Profile reads the cookie "session"`
	pub.GET("/token", api.Echo5Token)     // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Echo5Token reads the Authorization header`

	open := echo.New() // want `3 routes of this router or group send per-user responses without Cache-Control private or no-store \(api.Echo5Profile reads the cookie "session", and 2 more\)`
	open.GET("/profile", api.Echo5Profile)
	open.GET("/orders", api.Echo5Orders)
	open.GET("/settings", api.Echo5Settings)
	open.GET("/token", api.Echo5Token)
	open.GET("/avatar", api.Echo5Avatar) // want `api.Echo5Avatar reads the cookie "session" and serves a response with validators on this route`
	open.POST("/profile", api.Echo5Profile)
	api.RegisterEcho5(open.Group("/v1"))
	return app
}
