package mw

import (
	"github.com/gin-gonic/gin"
	echo4 "github.com/labstack/echo/v4"
)

// Functions that put middleware in use on the router they are given:
// the routes registered on it from the call on have it.

func GinUseNoStore(r *gin.Engine) { // want GinUseNoStore:`wraps with Cache-Control "no-store"`
	ginUseNoStore(r)
}

func ginUseNoStore(r *gin.Engine) { r.Use(GinNoStore) }

func GinUseLogger(r *gin.Engine) { r.Use(gin.Logger()) }

func GinUseBearer(g *gin.RouterGroup) { // want GinUseBearer:`authenticates by Authorization` GinUseBearer:`stores "user"`
	g.Use(GinBearer)
}

func GinUseCookieAuth(g *gin.RouterGroup) { // want GinUseCookieAuth:`authenticates by the cookie "session"` GinUseCookieAuth:`stores "user"`
	g.Use(GinCookieAuth)
}

func Echo4UseNoStore(e *echo4.Echo) { // want Echo4UseNoStore:`wraps with Cache-Control "no-store"`
	e.Use(Echo4NoStore)
}

// GinUseSubgroup puts no-store in use on a group it makes, in the
// variable that held the group it was given: not on that group.
func GinUseSubgroup(g *gin.RouterGroup) {
	g = g.Group("/admin")
	g.Use(GinNoStore)
}
