// Command server serves the routers of package router.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"

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
	tree := gin.New() // want `2 routes of this router or group send per-user responses without Cache-Control private or no-store \(api.GinOrders reads the cookie "session", and 1 more\)`
	router.GinTree(tree)
	http.Handle("/tree/", tree)
	covered := gin.New()
	covered.Use(mw.GinNoStore)
	router.GinTree(covered)
	http.Handle("/covered-tree/", covered)
	http.ListenAndServe(":8080", nil)
}
