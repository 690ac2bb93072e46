package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
)

// A user stored under an unexported key by middleware alone: a route
// without that middleware reads no one.

var viewerKey = "viewer"

func viewerAuth(ctx context.Context, c *app.RequestContext) {
	sid := c.Cookie("session")
	if sid == nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Set(viewerKey, string(sid))
	c.Next(ctx)
}

func viewerPage(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusOK, c.MustGet(viewerKey))
}
func seoPage(ctx context.Context, c *app.RequestContext) { c.JSON(http.StatusOK, c.MustGet(viewerKey)) }

// Also stored outside middleware: no route is known to lack it.

var accountKey = "account"

func accountAuth(ctx context.Context, c *app.RequestContext) {
	setAccount(c)
	c.Next(ctx)
}

func setAccount(c *app.RequestContext) { c.Set(accountKey, c.Query("a")) }

func accountPage(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusOK, c.MustGet(accountKey))
}

func keyRoutes() {
	h := server.New()
	signed := h.Group("/signed", viewerAuth) // want `hertz.viewerPage reads the request value "viewer" but the responses of its route "GET /me" carry no Cache-Control private or no-store`
	signed.GET("/me", viewerPage)
	seo := h.Group("/seo")
	seo.GET("/page", seoPage)
	acct := h.Group("/acct") // want `hertz.accountPage reads the request value "account" but the responses of its route "GET /me"`
	acct.GET("/me", accountPage)
	h.Spin()
}
