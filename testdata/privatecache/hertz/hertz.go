// Package hertz holds privatecache cases for hertz handlers and routes.
package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/common/utils"
)

func me(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusOK, utils.H{"user": c.MustGet("user")}) // want `handler reads the request value "user" but writes this response without Cache-Control private or no-store`
}

func session(ctx context.Context, c *app.RequestContext) {
	sid := c.Cookie("session")
	if sid == nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.String(http.StatusOK, "hello %s", sid) // want `handler reads the cookie "session" but writes`
}

func bearer(ctx context.Context, c *app.RequestContext) {
	c.Data(http.StatusOK, "text/plain", c.GetHeader("Authorization")) // Authorization only: RFC 9111 section 3.5
}

func public(ctx context.Context, c *app.RequestContext) {
	u := c.MustGet("user")
	c.Header("Cache-Control", "public, max-age=600") // want `handler reads the request value "user" but sets Cache-Control "public, max-age=600"`
	c.JSON(http.StatusOK, u)
}

func download(ctx context.Context, c *app.RequestContext) {
	c.Response.Header.Set("Cache-Control", "private, no-store")
	_ = c.Cookie("session")
	c.FileAttachment("exports/"+c.GetString("user")+".csv", "orders.csv")
}

// Negatives.

func private(ctx context.Context, c *app.RequestContext) {
	c.Header("Cache-Control", "private, no-store")
	c.JSON(http.StatusOK, c.MustGet("user"))
}

func anonymous(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusOK, utils.H{"lang": string(c.Cookie("lang")), "id": c.GetString("requestID")})
}

func bindsBody(ctx context.Context, c *app.RequestContext) {
	var v struct{ Name string }
	if err := c.BindJSON(&v); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	c.JSON(http.StatusOK, c.MustGet("user"))
}

// Routing.

func noCache(ctx context.Context, c *app.RequestContext) {
	c.Header("Cache-Control", "no-store")
	c.Next(ctx)
}

func profile(ctx context.Context, c *app.RequestContext) { c.JSON(http.StatusOK, c.MustGet("user")) }

func use(ctx context.Context, c *app.RequestContext)      { profile(ctx, c) }
func groupArg(ctx context.Context, c *app.RequestContext) { profile(ctx, c) }
func groupUse(ctx context.Context, c *app.RequestContext) { profile(ctx, c) }
func exposed(ctx context.Context, c *app.RequestContext)  { profile(ctx, c) }
func post(ctx context.Context, c *app.RequestContext)     { profile(ctx, c) }

func postMw() []app.HandlerFunc { return nil }

func router() {
	h := server.Default()
	h.Use(noCache)
	h.GET("/use", use)

	open := server.New()
	g := open.Group("/g", noCache)
	g.GET("/arg", groupArg)
	g2 := open.Group("/g2")
	g2.Use(noCache)
	g2.GET("/use", groupUse)
	open.POST("/post", post)
	// hz's generated routers append the handler to its middleware.
	open.POST("/appended", append(postMw(), post)...)
	area := open.Group("/area") // want `2 routes of this router or group send per-user responses`
	area.GET("/exposed", exposed)
	area.GET("/profile", profile)
	h.Spin()
}
