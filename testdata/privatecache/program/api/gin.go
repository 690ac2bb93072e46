package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"resplint.test/privatecache/program/mw"
)

// Gin handlers: cookie-identified, Authorization-identified, a file,
// and one that sets no-store itself.

func GinProfile(c *gin.Context) { // want GinProfile:`per-user missing \(api.GinProfile reads the cookie "session"\)`
	s, _ := c.Cookie("session")
	c.JSON(http.StatusOK, s)
}

func GinOrders(c *gin.Context) { // want GinOrders:`per-user missing`
	s, _ := c.Cookie("session")
	c.JSON(http.StatusOK, []string{s})
}

func GinToken(c *gin.Context) { // want GinToken:`per-user missing \(api.GinToken reads the Authorization header\)`
	s := c.GetHeader("Authorization")
	c.JSON(http.StatusOK, s)
}

func GinAvatar(c *gin.Context) { // want GinAvatar:`per-user validators`
	s, _ := c.Cookie("session")
	c.File("avatars/" + s + ".png")
}

func GinSettings(c *gin.Context) { // want GinSettings:`sets Cache-Control "no-store"`
	c.Header("Cache-Control", "no-store")
	s, _ := c.Cookie("session")
	c.JSON(http.StatusOK, s)
}

// RegisterGin adds a route to the group its caller gives it.
func RegisterGin(g *gin.RouterGroup) { // want RegisterGin:`registers per-user routes on parameter 0: api.GinProfile`
	g.GET("/me", GinProfile)
}

// GinMe learns who the user is from what middleware put in the request:
// Authorization middleware covers it as the header would; other
// middleware does not.
func GinMe(c *gin.Context) { // want GinMe:`per-user missing \(api.GinMe reads the request value "user"\)`
	u, _ := c.Get("user")
	c.JSON(http.StatusOK, u)
}

// GinExport reads no identity: only the middleware of its routes can
// make its files per-user.
func GinExport(c *gin.Context) { // want GinExport:`per-user validators behind middleware that identifies the user \(api.GinExport\)`
	c.FileAttachment(c.Query("path"), "export.csv")
}

// GinPage shows the viewer that mw.GinViewer stores: on a route without
// that middleware there is none.
func GinPage(c *gin.Context) { // want GinPage:`per-user missing \(api.GinPage reads the request value "viewer" \(through mw.Viewer\)\)`
	c.JSON(http.StatusOK, mw.Viewer(c))
}
