// Package gin holds privatecache cases for gin handlers.
package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"resplint.test/privatecache/helpers"
)

func me(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"user": c.MustGet("user")}) // want `handler reads the request value "user" but writes this response without Cache-Control private or no-store`
}

func session(c *gin.Context) {
	sid, err := c.Cookie("session")
	if err != nil {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "login"})
		return
	}
	c.String(http.StatusOK, "hello %s", sid) // want `handler reads the cookie "session" but writes`
}

// The message names the read that decides, the cookie, not the query
// token before it (part of the URL a cache keys on).
func tokenThenCookie(c *gin.Context) {
	tok := c.Query("token")
	sid, _ := c.Cookie("session")
	c.String(http.StatusOK, "%s %s", tok, sid) // want `handler reads the cookie "session" but writes`
}

func bearer(c *gin.Context) {
	tok := c.GetHeader("Authorization")
	c.Data(http.StatusOK, "text/plain", []byte(tok)) // Authorization only: RFC 9111 section 3.5
}

func claims(c *gin.Context) {
	v, _ := c.Get("claims")
	id := c.GetString("userID")
	c.JSON(200, gin.H{"claims": v, "id": id}) // want `handler reads the request value "claims" but writes`
}

func public(c *gin.Context) {
	u := c.MustGet("user")
	c.Header("Cache-Control", "public, max-age=600") // want `handler reads the request value "user" but sets Cache-Control "public, max-age=600"`
	c.JSON(http.StatusOK, u)
}

func viaHelper(c *gin.Context) {
	c.JSON(http.StatusOK, helpers.GinUser(c)) // want `handler reads the request value "user" \(through helpers.GinUser\) but writes`
}

// Negatives.

func private(c *gin.Context) {
	c.Header("Cache-Control", "private, no-store")
	c.JSON(http.StatusOK, c.MustGet("user"))
}

func onlyErrors(c *gin.Context) {
	if _, ok := c.Get("user"); !ok {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "login"})
		return
	}
	c.AbortWithStatus(http.StatusForbidden)
}

func onlyRedirects(c *gin.Context) {
	if _, err := c.Cookie("session"); err != nil {
		c.Redirect(http.StatusFound, "/login")
		return
	}
	c.Redirect(http.StatusFound, "/home")
}

func anonymous(c *gin.Context) {
	lang, _ := c.Cookie("lang")
	c.JSON(http.StatusOK, gin.H{"lang": lang, "id": c.GetString("requestID"), "ua": c.GetHeader("User-Agent")})
}

func bindsBody(c *gin.Context) {
	var v struct{ Name string }
	if err := c.ShouldBindJSON(&v); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	c.JSON(http.StatusOK, c.MustGet("user"))
}

// Routing.

func noCache(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	c.Next()
}

func profile(c *gin.Context) { c.JSON(http.StatusOK, c.MustGet("user")) }

func use(c *gin.Context)          { profile(c) }
func nested(c *gin.Context)       { profile(c) }
func groupArg(c *gin.Context)     { profile(c) }
func groupUse(c *gin.Context)     { profile(c) }
func chain(c *gin.Context)        { profile(c) }
func post(c *gin.Context)         { profile(c) }
func handleMethod(c *gin.Context) { profile(c) }
func exposed(c *gin.Context)      { profile(c) }
func exposedGroup(c *gin.Context) { profile(c) }

func router() *gin.Engine {
	r := gin.New()
	r.Use(noCache)
	r.GET("/use", use)
	api := r.Group("/api")
	v1 := api.Group("/v1")
	v1.GET("/nested", nested)

	open := gin.New() // want `gin.exposed reads the request value "user" \(through gin.profile\) but the responses of its route "GET /exposed" carry no Cache-Control private or no-store`
	g := open.Group("/g", noCache)
	g.GET("/arg", groupArg)
	g2 := open.Group("/g2")
	g2.Use(helpers.GinNoStore())
	g2.GET("/use", groupUse)
	open.GET("/chain", noCache, chain)
	open.POST("/post", post)
	open.Handle(http.MethodPut, "/put", handleMethod)
	open.GET("/exposed", exposed)
	g3 := open.Group("/g3") // want `gin.exposedGroup reads the request value "user" \(through gin.profile\) but the responses of its route "GET /exposed"`
	g3.GET("/exposed", exposedGroup)

	// Groups made from a group are one report, at the highest of them:
	// one middleware there covers them all.
	area := open.Group("/area") // want `3 routes of this router or group send per-user responses`
	users := area.Group("/users")
	users.GET("", exposed)
	users.GET("/:id", exposedGroup)
	apps := area.Group("/apps")
	apps.GET("", exposed)
	return open
}

// Menu is registered in another package, which decides; its swag
// annotation (POST) is only a hint where no registration is in sight.
//
// @Router /menu [post]
func Menu(c *gin.Context) { // want Menu:`per-user missing`
	c.JSON(http.StatusOK, c.MustGet("user"))
}

// UserInfo's annotation says GET.
//
// @Router /user/info [get]
//
// Registered nowhere in its package, it is left to the packages that
// register it.
func UserInfo(c *gin.Context) { // want UserInfo:`per-user missing \(gin.UserInfo reads the request value "user"\)`
	c.JSON(http.StatusOK, c.MustGet("user"))
}

// Groups handed to the package's own binding functions belong to the
// group they are given: one report, at that group.
func panel(open *gin.Engine) {
	admin := open.Group("/admin") // want `3 routes of this router or group send per-user responses`
	bindAccount(admin)
	bindTags(admin)
}

func bindAccount(rg *gin.RouterGroup) {
	account := rg.Group("/account")
	account.GET("/me", exposed)
}

func bindTags(rg *gin.RouterGroup) {
	rg.GET("/tags", exposedGroup)
	rg.Group("/tags").Use(noCache).GET("/:id", exposedGroup)
	t := rg.Group("/tag")
	t.GET("/:id", exposed)
}

// A plain no-cache and no validator: every reuse asks the server again.
func exportRows(c *gin.Context) {
	c.Header("Cache-Control", "no-cache")
	c.JSON(http.StatusOK, c.MustGet("user"))
}

func exportTagged(c *gin.Context) {
	c.Header("Last-Modified", "Mon, 07 Dec 2026 00:00:00 GMT")
	c.Header("Cache-Control", "no-cache") // want `handler reads the request value "user" but sets Cache-Control "no-cache", without private or no-store`
	c.JSON(http.StatusOK, c.MustGet("user"))
}
