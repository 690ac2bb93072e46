package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
)

// Identity from request headers. A credential header the client adds
// itself (X-Api-Key) is never sent by a browser on its own: missing does
// not apply, public and validators do. A header that an authenticating
// proxy sets from its session (X-Forwarded-User) counts as the session.

func apiKey(ctx context.Context, c *app.RequestContext) {
	c.Data(http.StatusOK, "text/plain", c.GetHeader("X-Api-Key"))
}

func apiKeyPublic(ctx context.Context, c *app.RequestContext) {
	c.Header("Cache-Control", "public, max-age=60") // want `handler reads the X-Api-Key header but sets Cache-Control "public, max-age=60"`
	c.Data(http.StatusOK, "text/plain", c.GetHeader("X-Api-Key"))
}

func apiKeyFile(ctx context.Context, c *app.RequestContext) {
	c.File("files/" + string(c.GetHeader("Api-Token"))) // want `handler reads the Api-Token header and serves this response with validators`
}

func proxyUser(ctx context.Context, c *app.RequestContext) {
	c.Data(http.StatusOK, "text/plain", c.GetHeader("X-Forwarded-User")) // want `handler reads the X-Forwarded-User header but writes this response without Cache-Control private or no-store`
}

func csrfHeader(ctx context.Context, c *app.RequestContext) {
	c.Data(http.StatusOK, "text/plain", c.GetHeader("X-Csrf-Token"))
}

// Middleware that reads the user from a credential header: the handlers
// behind it that read the user it stores are judged as header reads.

func keyAuth(ctx context.Context, c *app.RequestContext) {
	key := c.GetHeader("X-Gotify-Key")
	if len(key) == 0 {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Set("user", string(key))
	c.Next(ctx)
}

func sessionAuth(ctx context.Context, c *app.RequestContext) {
	if c.Cookie("session") == nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next(ctx)
}

func keyed(ctx context.Context, c *app.RequestContext) { c.JSON(http.StatusOK, c.MustGet("user")) }

func keyedFile(ctx context.Context, c *app.RequestContext) {
	c.File(c.GetString("user") + ".csv") // want `handler reads the request value "user" and serves this response with validators`
}

func cookied(ctx context.Context, c *app.RequestContext) { c.JSON(http.StatusOK, c.MustGet("user")) }

// A qualified no-cache on a page served only for POST: its response is
// not stored.
func flash(ctx context.Context, c *app.RequestContext) {
	_ = c.Cookie("session")
	c.Header("Cache-Control", `no-cache="Set-Cookie"`)
	c.String(http.StatusOK, "saved")
}

func flashPage(ctx context.Context, c *app.RequestContext) {
	_ = c.Cookie("session")
	c.Header("Cache-Control", `no-cache="Set-Cookie"`) // want `handler reads the cookie "session" but sets Cache-Control "no-cache=\\"Set-Cookie\\"", without private or no-store`
	c.String(http.StatusOK, "saved")
}

// A credential in the query or a form (?api_key=) is in the cache key,
// or in a POST body: only public applies, to the handler and behind
// middleware that reads it.

func apiKeyParam(ctx context.Context, c *app.RequestContext) {
	c.File("files/" + c.Query("api_key"))
}

func apiKeyParamPublic(ctx context.Context, c *app.RequestContext) {
	c.Header("Cache-Control", "public, max-age=60") // want `handler reads the query or form value "api_key" but sets Cache-Control "public, max-age=60"`
	c.String(http.StatusOK, c.DefaultQuery("api_key", ""))
}

func queryAuth(ctx context.Context, c *app.RequestContext) {
	c.Set("user", c.Query("token"))
	c.Next(ctx)
}

func queried(ctx context.Context, c *app.RequestContext) { c.JSON(http.StatusOK, c.MustGet("user")) }

// Whatever the parameter's name, middleware that finds the user it
// stores in the query finds it in the URL.
func queryAccess(ctx context.Context, c *app.RequestContext) {
	qat := c.Query("qat")
	if qat == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Set("user", "u-"+qat)
	c.Next(ctx)
}

func headerRoutes() {
	h := server.New()
	keys := h.Group("/keys", keyAuth)
	keys.GET("/me", keyed)
	keys.GET("/export", keyedFile)
	cookies := h.Group("/cookies", sessionAuth) // want `hertz.cookied reads the request value "user" but the responses of its route "GET /me" carry no Cache-Control private or no-store`
	cookies.GET("/me", cookied)
	h.Group("/query", queryAuth).GET("/me", queried)
	h.Group("/qat", queryAccess).GET("/me", queried)
	h.POST("/flash", flash)
	h.GET("/flash", flashPage)
	h.Spin()
}
