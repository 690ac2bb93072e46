package router

import (
	"github.com/gofiber/fiber/v3"

	"resplint.test/privatecache/program/api"
	"resplint.test/privatecache/program/mw"
)

// Fiber3 registers the handlers of package api: behind no-store middleware
// (silent), behind public middleware, and on a group without either.
func Fiber3() *fiber.App {
	app := fiber.New()
	app.Use(mw.Fiber3NoStore)
	app.Get("/covered", api.Fiber3Profile)
	app.Get("/avatar", api.Fiber3Avatar)
	api.RegisterFiber3(app.Group("/covered"))

	pub := fiber.New()
	pub.Use(mw.Fiber3Public)
	pub.Get("/profile", api.Fiber3Profile) // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Fiber3Profile reads the cookie "session"`
	pub.Get("/token", api.Fiber3Token)     // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Fiber3Token reads the Authorization header`

	open := fiber.New() // want `3 routes of this router or group send per-user responses without Cache-Control private or no-store \(api.Fiber3Profile reads the cookie "session", and 2 more\)`
	open.Get("/profile", api.Fiber3Profile)
	open.Get("/orders", api.Fiber3Orders)
	open.Get("/settings", api.Fiber3Settings)
	open.Get("/token", api.Fiber3Token)
	open.Get("/avatar", api.Fiber3Avatar) // want `api.Fiber3Avatar reads the cookie "session" and serves a response with validators on this route`
	open.Post("/profile", api.Fiber3Profile)
	api.RegisterFiber3(open.Group("/v1"))
	return app
}
