// Command server serves the routers of package router.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"resplint.test/privatecache/program/api"
	"resplint.test/privatecache/program/mw"
	"resplint.test/privatecache/program/router"
)

func main() {
	http.Handle("/chi/", router.Chi())
	http.Handle("/gorilla/", router.Gorilla()) // want `api.Profile reads the cookie "session" \(through api.user\) but the responses of its route "/profile" \(through router.Gorilla\) carry no Cache-Control private or no-store`
	http.Handle("/covered/", mw.NoStore(router.Gorilla()))
	engine := gin.New()
	for _, rg := range router.Registrars {
		rg.InitRouter(engine.Group("/v2")) // want `api.GinExport reads the user through middleware on its route and serves a response with validators on its route "GET /export" \(through router.Registrar.InitRouter\)`
	}
	http.Handle("/v2/", engine)
	tree := gin.New()
	router.GinTree(tree) // want `2 routes of the group "/account" that router.GinTree makes on this router send per-user responses without Cache-Control private or no-store \(api.GinOrders reads the cookie "session"\)`
	http.Handle("/tree/", tree)
	sections := gin.New()
	router.GinSections(sections) // want `2 routes of the 2 groups that router.GinSections makes on this router \(group "/account", group "/orders"\) send per-user responses without Cache-Control private or no-store \(api.Gin(Orders|Profile) reads`
	http.Handle("/sections/", sections)
	late := gin.New()
	router.GinLateCache(late) // want `1 route of the group "/account" that router.GinLateCache makes on this router send per-user responses without Cache-Control private or no-store`
	http.Handle("/late/", late)
	covered := gin.New()
	covered.Use(mw.GinNoStore)
	router.GinTree(covered)
	http.Handle("/covered-tree/", covered)
	accounts := fiber.New()
	accounts.Get("/", func(c *fiber.Ctx) error { return c.SendString("public") })
	router.Fiber2Account(accounts) // want `2 routes of the group "/account" that router.Fiber2Account makes on this router send per-user responses`
	// With per-user routes of its own, one middleware on the router
	// covers the group made on it too: one report there.
	both := fiber.New() // want `3 routes of this router or group send per-user responses without Cache-Control private or no-store \(api.Fiber2Profile reads the cookie "session", and 2 more\)`
	both.Get("/me", api.Fiber2Profile)
	router.Fiber2Account(both)
	coveredAccounts := fiber.New()
	coveredAccounts.Use(mw.Fiber2NoStore)
	router.Fiber2Account(coveredAccounts)
	router.Echo4Account(echo.New())    // want `1 route of the group "/account" that router.Echo4Account makes on this router`
	router.ChiAccount(chi.NewRouter()) // want `1 route of the router that router.ChiAccount makes on this router`
	http.ListenAndServe(":8080", nil)
}
