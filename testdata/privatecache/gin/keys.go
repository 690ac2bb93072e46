package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// A user stored under an unexported key by middleware alone: a route
// without that middleware reads no one.

var viewerKey = "viewer"

func viewerAuth(c *gin.Context) {
	sid, err := c.Cookie("session")
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Set(viewerKey, sid)
	c.Next()
}

func viewer(c *gin.Context) any {
	v, _ := c.Get(viewerKey)
	return v
}

func viewerPage(c *gin.Context) { c.JSON(http.StatusOK, viewer(c)) }
func seoPage(c *gin.Context)    { c.JSON(http.StatusOK, viewer(c)) }

// Also stored outside middleware: no route is known to lack it.

var accountKey = "account"

func accountAuth(c *gin.Context) { setAccount(c); c.Next() }

func setAccount(c *gin.Context) { c.Set(accountKey, c.Query("a")) }

func accountPage(c *gin.Context) { c.JSON(http.StatusOK, c.MustGet(accountKey)) }

func keyRoutes() *gin.Engine {
	r := gin.New()
	signed := r.Group("/signed", viewerAuth) // want `gin.viewerPage reads the request value "viewer" \(through gin.viewer\) but the responses of its route "GET /me" carry no Cache-Control private or no-store`
	signed.GET("/me", viewerPage)
	seo := r.Group("/seo")
	seo.GET("/page", seoPage)
	acct := r.Group("/acct") // want `gin.accountPage reads the request value "account" but the responses of its route "GET /me"`
	acct.GET("/me", accountPage)
	return r
}
