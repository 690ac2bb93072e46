package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Handlers that read no identity, behind middleware that does.

func sessionAuth(c *gin.Context) {
	if _, err := c.Cookie("session"); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

func bearerAuth(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

func download(c *gin.Context) {
	c.File(c.Query("path")) // want `handler reads the user through middleware on its route and serves this response with validators`
}

func export(c *gin.Context) {
	c.Header("ETag", `"v1"`)
	c.JSON(http.StatusOK, gin.H{"rows": c.Query("q")}) // want `handler reads the user through middleware on its route and serves this response with validators`
}

func openDownload(c *gin.Context) { c.File(c.Query("path")) }

func bearerDownload(c *gin.Context) { c.File(c.Query("path")) }

func storedDownload(c *gin.Context) { c.File(c.Query("path")) }

func page(c *gin.Context) { c.File("web/index.html") }

func gated() *gin.Engine {
	r := gin.New()
	admin := r.Group("/admin", sessionAuth)
	admin.GET("/download", download)
	admin.GET("/export", export)
	admin.GET("/", page) // the application's own page: the same for every user

	r.GET("/public/download", openDownload) // no middleware identifies anyone

	api := r.Group("/api")
	api.Use(bearerAuth) // RFC 9111 section 3.5 keeps such responses out of shared caches
	api.GET("/download", bearerDownload)

	stored := r.Group("/stored", sessionAuth, noCache)
	stored.GET("/download", storedDownload)
	return r
}

// Groups registered through an interface of the package.

type registrar interface{ register(g *gin.RouterGroup) }

type downloads struct{}

func (downloads) register(g *gin.RouterGroup) { g.GET("/download", ifaceDownload) }

func ifaceDownload(c *gin.Context) {
	c.File(c.Query("path")) // want `handler reads the user through middleware on its route and serves this response with validators`
}

func viaInterface() *gin.Engine {
	r := gin.New()
	g := r.Group("/x", sessionAuth)
	for _, rg := range []registrar{downloads{}} {
		rg.register(g)
	}
	return r
}

// uploads implements registrar but no registry lists it: the calls
// through the interface are not its calls.
type uploads struct{}

func (uploads) register(g *gin.RouterGroup) { g.GET("/uploaded", unlistedDownload) }

func unlistedDownload(c *gin.Context) { c.File(c.Query("path")) }

func registerUploads(r *gin.Engine) { uploads{}.register(r.Group("/open")) }
