package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Identity from request headers. A credential header the client adds
// itself (X-Api-Key) is never sent by a browser on its own: missing does
// not apply, public and validators do. A header that an authenticating
// proxy sets from its session (X-Forwarded-User) counts as the session.

func apiKey(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"key": c.GetHeader("X-Api-Key")})
}

func apiKeyPublic(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=60") // want `handler reads the X-Api-Key header but sets Cache-Control "public, max-age=60"`
	c.JSON(http.StatusOK, gin.H{"key": c.GetHeader("X-Api-Key")})
}

func apiKeyFile(c *gin.Context) {
	c.File("files/" + c.GetHeader("Api-Token")) // want `handler reads the Api-Token header and serves this response with validators`
}

func proxyUser(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"user": c.GetHeader("X-Forwarded-User")}) // want `handler reads the X-Forwarded-User header but writes this response without Cache-Control private or no-store`
}

func csrfHeader(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"t": c.GetHeader("X-Csrf-Token")})
}

// Middleware that reads the user from a credential header: the handlers
// behind it that read the user it stores are judged as header reads.

func keyAuth(c *gin.Context) {
	key := c.GetHeader("X-Gotify-Key")
	if key == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Set("user", key)
	c.Next()
}

func keyed(c *gin.Context) { c.JSON(http.StatusOK, c.MustGet("user")) }
func keyedFile(c *gin.Context) {
	c.File(c.GetString("user") + ".csv") // want `handler reads the request value "user" and serves this response with validators`
}
func cookied(c *gin.Context) { c.JSON(http.StatusOK, c.MustGet("user")) }

// A qualified no-cache on a page served only for POST: its response is
// not stored.
func flash(c *gin.Context) {
	_, _ = c.Cookie("session")
	c.Header("Cache-Control", `no-cache="Set-Cookie"`)
	c.String(http.StatusOK, "saved")
}

func flashPage(c *gin.Context) {
	_, _ = c.Cookie("session")
	c.Header("Cache-Control", `no-cache="Set-Cookie"`) // want `handler reads the cookie "session" but sets Cache-Control "no-cache=\\"Set-Cookie\\"", without private or no-store`
	c.String(http.StatusOK, "saved")
}

// A credential in the query or a form (?api_key=) is in the cache key,
// or in a POST body: only public applies, to the handler and behind
// middleware that reads it.

func apiKeyParam(c *gin.Context) {
	c.File("files/" + c.Query("api_key"))
}

func apiKeyParamPublic(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=60") // want `handler reads the query or form value "api_key" but sets Cache-Control "public, max-age=60"`
	c.JSON(http.StatusOK, c.Query("api_key"))
}

func queryAuth(c *gin.Context) {
	c.Set("user", c.DefaultQuery("token", ""))
	c.Next()
}

func queried(c *gin.Context) { c.JSON(http.StatusOK, c.MustGet("user")) }

// Whatever the parameter's name, middleware that finds the user it
// stores in the query finds it in the URL.
func queryAccess(c *gin.Context) {
	qat := c.Query("qat")
	if qat == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Set("user", "u-"+qat)
	c.Next()
}

func headerRoutes() *gin.Engine {
	r := gin.New()
	keys := r.Group("/keys", keyAuth)
	keys.GET("/me", keyed)
	keys.GET("/export", keyedFile)
	cookies := r.Group("/cookies", sessionAuth) // want `gin.cookied reads the request value "user" but the responses of its route "GET /me" carry no Cache-Control private or no-store`
	cookies.GET("/me", cookied)
	r.Group("/query", queryAuth).GET("/me", queried)
	r.Group("/qat", queryAccess).GET("/me", queried)
	r.POST("/flash", flash)
	r.GET("/flash", flashPage)
	return r
}
