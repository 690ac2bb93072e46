package router

import (
	"github.com/gin-gonic/gin"

	"resplint.test/privatecache/program/api"
	"resplint.test/privatecache/program/mw"
)

// Gin registers the handlers of package api: behind no-store middleware
// (silent), behind public middleware, and on a group without either.
func Gin() *gin.Engine {
	app := gin.New()
	app.Use(mw.GinNoStore)
	app.GET("/covered", api.GinProfile)
	app.GET("/avatar", api.GinAvatar)
	api.RegisterGin(app.Group("/covered"))

	static := gin.New()           // want `api.GinProfile reads the cookie "session" but the responses of its route "GET /profile" carry no Cache-Control private or no-store`
	static.Use(mw.StaticPublic()) // public for /static/ paths only: not a public route
	static.GET("/profile", api.GinProfile)

	pub := gin.New()
	pub.Use(mw.GinPublic)
	pub.GET("/profile", api.GinProfile) // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.GinProfile reads the cookie "session"`
	pub.GET("/token", api.GinToken)     // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.GinToken reads the Authorization header`

	open := gin.New() // want `3 routes of this router or group send per-user responses without Cache-Control private or no-store \(api.GinProfile reads the cookie "session", and 2 more\)`
	open.GET("/profile", api.GinProfile)
	open.GET("/orders", api.GinOrders)
	open.GET("/settings", api.GinSettings)
	open.GET("/token", api.GinToken)
	open.GET("/avatar", api.GinAvatar) // want `api.GinAvatar reads the cookie "session" and serves a response with validators on this route`
	open.GET("/export", api.GinExport) // no middleware identifies anyone
	open.POST("/profile", api.GinProfile)
	api.RegisterGin(open.Group("/v1"))

	// A handler reading the user that middleware put in the request:
	// behind Authorization middleware as if it read the header itself.
	bearer := gin.New()
	bearer.Use(mw.GinBearer)
	bearer.GET("/me", api.GinMe)
	cookie := gin.New() // want `api.GinMe reads the request value "user" but the responses of its route "GET /me" carry no Cache-Control private or no-store`
	cookie.Use(mw.GinCookieAuth)
	cookie.GET("/me", api.GinMe)
	cookie.GET("/export", api.GinExport) // want `api.GinExport reads the user through middleware on its route and serves a response with validators on this route`
	bearer.GET("/export", api.GinExport)

	// The viewer only mw.GinViewer stores: read where it is in use.
	viewer := gin.New() // want `api.GinPage reads the request value "viewer" \(through mw.Viewer\) but the responses of its route "GET /page" carry no Cache-Control private or no-store`
	viewer.Use(mw.GinViewer)
	viewer.GET("/page", api.GinPage)
	seo := gin.New()
	seo.GET("/page", api.GinPage)

	// Handlers built by a type of package api that only its interface
	// names: covered on app, reported on their own engine.
	app.GET("/provided", api.NewProvider().GinProfileHandler())
	provided := gin.New() // want `the function literal at provider.go:30 reads the cookie "session" but the responses of its route "GET /provided" carry no Cache-Control private or no-store`
	provided.GET("/provided", api.NewProvider().GinProfileHandler())
	return app
}

// GinTree hands the engine its callers give to the package's own
// binding function: its callers decide, with the middleware they put on
// the engine.
func GinTree(e *gin.Engine) { // want GinTree:`registers per-user routes on parameter 0: api.GinOrders, api.GinProfile`
	ginAccount(e)
}

// GinSections makes two groups on the router it is given: one report at
// its call names both.
func GinSections(e *gin.Engine) { // want GinSections:`registers per-user routes on parameter 0: api.GinOrders, api.GinProfile`
	account := e.Group("/account")
	account.GET("/profile", api.GinProfile)
	orders := e.Group("/orders")
	orders.GET("", api.GinOrders)
}

func ginAccount(e *gin.Engine) {
	account := e.Group("/account")
	account.GET("/profile", api.GinProfile)
	account.GET("/orders", api.GinOrders)
}
