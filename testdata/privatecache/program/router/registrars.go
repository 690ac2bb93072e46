package router

import (
	"github.com/gin-gonic/gin"

	"resplint.test/privatecache/program/api"
	"resplint.test/privatecache/program/mw"
)

// A Registrar adds its routes to the group it is given: applications
// with many route groups keep them in a slice and call each through the
// interface.
type Registrar interface {
	InitRouter(r *gin.RouterGroup) // want InitRouter:`registers per-user routes on parameter 0: api.GinExport`
}

// Registrars are the route groups main serves.
var Registrars = []Registrar{FileRouter{}, &OpenRouter{}}

type FileRouter struct{}

func (FileRouter) InitRouter(r *gin.RouterGroup) { // want InitRouter:`registers per-user routes on parameter 0: api.GinExport`
	files := r.Group("/files")
	files.Use(mw.GinCookieAuth)
	files.GET("/export", api.GinExport)
}

// OpenRouter's routes have no middleware that identifies the user.
type OpenRouter struct{}

func (*OpenRouter) InitRouter(r *gin.RouterGroup) { // want InitRouter:`registers per-user routes on parameter 0: api.GinExport`
	r.GET("/export", api.GinExport)
}
