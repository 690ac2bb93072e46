package router

import (
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"resplint.test/privatecache/program/api"
	"resplint.test/privatecache/program/mw"
)

// GinOrder puts public middleware in use after routes and groups: gin
// copies the middleware in use into each route and group as it is made,
// so only what comes later gets it.
func GinOrder() {
	r := gin.New()
	v1 := r.Group("/v1") // want `api.GinProfile reads the cookie "session" but the responses of its route "GET /self" carry no Cache-Control private or no-store`
	v1.GET("/self", api.GinProfile)
	r.Use(mw.GinPublic)
	r.GET("/late", api.GinOrders) // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.GinOrders reads the cookie "session"`

	g := gin.New().Group("/g") // want `api.GinOrders reads the cookie "session" but the responses of its route "GET /before"`
	g.GET("/before", api.GinOrders)
	g.Use(mw.GinPublic)
	g.GET("/after", api.GinProfile) // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.GinProfile reads the cookie "session"`
}

// Echo4Order: echo copies a group's middleware into each route and
// subgroup as it is made, and runs the middleware of e.Use for every
// route, whenever registered.
func Echo4Order() {
	e := echo.New()
	g := e.Group("/g") // want `api.Echo4Profile reads the cookie "session" but the responses of its route "GET /before"`
	g.GET("/before", api.Echo4Profile)
	g.Use(mw.Echo4Public)
	g.GET("/after", api.Echo4Orders) // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Echo4Orders reads the cookie "session"`

	all := echo.New()
	all.GET("/early", api.Echo4Profile) // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Echo4Profile reads the cookie "session"`
	all.Use(mw.Echo4Public)
}

// Fiber2Order: fiber runs middleware and routes in the order they were
// registered, whenever their group was made.
func Fiber2Order() {
	app := fiber.New() // want `api.Fiber2Profile reads the cookie "session" but the responses of its route "GET /before"`
	early := app.Group("/early")
	app.Get("/before", api.Fiber2Profile)
	app.Use(mw.Fiber2Public)
	app.Get("/after", api.Fiber2Orders)    // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Fiber2Orders reads the cookie "session"`
	early.Get("/after", api.Fiber2Profile) // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Fiber2Profile reads the cookie "session"`
}
