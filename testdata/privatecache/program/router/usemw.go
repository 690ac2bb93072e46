package router

import (
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"

	"resplint.test/privatecache/program/api"
	"resplint.test/privatecache/program/mw"
)

// GinUse hands routers to functions of package mw that put middleware in
// use on them: what they put in use covers the routes registered after
// the call, as if it were in use here.
func GinUse() {
	r := gin.New()
	mw.GinUseNoStore(r)
	v1 := r.Group("/api/v1")
	v1.GET("/profile", api.GinProfile)

	logged := gin.New()
	mw.GinUseLogger(logged)
	v2 := logged.Group("/api/v2") // want `api.GinProfile reads the cookie "session" but the responses of its route "GET /profile" carry no Cache-Control private or no-store`
	v2.GET("/profile", api.GinProfile)

	late := gin.New()
	v3 := late.Group("/api/v3") // want `api.GinProfile reads the cookie "session" but the responses of its route "GET /profile" carry no Cache-Control private or no-store`
	v3.GET("/profile", api.GinProfile)
	mw.GinUseNoStore(late)

	v4 := gin.New().Group("/api/v4") // want `api.GinProfile reads the cookie "session" but the responses of its route "GET /profile" carry no Cache-Control private or no-store`
	mw.GinUseSubgroup(v4)
	v4.GET("/profile", api.GinProfile)

	bearer := gin.New().Group("/bearer")
	mw.GinUseBearer(bearer)
	bearer.GET("/me", api.GinMe)
	cookie := gin.New().Group("/cookie")
	mw.GinUseCookieAuth(cookie)
	cookie.GET("/export", api.GinExport) // want `api.GinExport reads the user through middleware on its route and serves a response with validators on this route`
}

// GinLateCache registers its group, then puts a caching middleware in
// use: the group's routes, judged here in this order, do not get it,
// wherever the function is called from.
func GinLateCache(e *gin.Engine) { // want GinLateCache:`registers per-user routes on parameter 0: api.GinProfile` GinLateCache:`wraps with Cache-Control "public, max-age=3600"`
	account := e.Group("/account")
	account.GET("/profile", api.GinProfile)
	e.Use(mw.GinPublic)
}

func Echo4Use() {
	e := echo.New()
	mw.Echo4UseNoStore(e)
	g := e.Group("/g")
	g.GET("/profile", api.Echo4Profile)
}
