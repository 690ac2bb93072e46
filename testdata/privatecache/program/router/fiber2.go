package router

import (
	"github.com/gofiber/fiber/v2"

	"resplint.test/privatecache/program/api"
	"resplint.test/privatecache/program/mw"
)

// Fiber2 registers the handlers of package api: behind no-store middleware
// (silent), behind public middleware, and on a group without either.
func Fiber2() *fiber.App {
	app := fiber.New()
	app.Use(mw.Fiber2NoStore)
	app.Get("/covered", api.Fiber2Profile)
	app.Get("/avatar", api.Fiber2Avatar)
	api.RegisterFiber2(app.Group("/covered"))

	pub := fiber.New()
	pub.Use(mw.Fiber2Public)
	pub.Get("/profile", api.Fiber2Profile) // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Fiber2Profile reads the cookie "session"`
	pub.Get("/token", api.Fiber2Token)     // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Fiber2Token reads the Authorization header`

	open := fiber.New() // want `3 routes of this router or group send per-user responses without Cache-Control private or no-store \(api.Fiber2Profile reads the cookie "session", and 2 more\)`
	open.Get("/profile", api.Fiber2Profile)
	open.Get("/orders", api.Fiber2Orders)
	open.Get("/settings", api.Fiber2Settings)
	open.Get("/token", api.Fiber2Token)
	open.Get("/avatar", api.Fiber2Avatar) // want `api.Fiber2Avatar reads the cookie "session" and serves a response with validators on this route`
	open.Post("/profile", api.Fiber2Profile)
	api.RegisterFiber2(open.Group("/v1"))
	return app
}

// Fiber2Account makes a group of the app its callers give it: they
// decide, and the report names that group.
func Fiber2Account(app *fiber.App) { // want Fiber2Account:`registers per-user routes on parameter 0: api.Fiber2Orders, api.Fiber2Profile`
	account := app.Group("/account")
	account.Get("/profile", api.Fiber2Profile)
	account.Get("/orders", api.Fiber2Orders)
}
