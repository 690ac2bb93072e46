package gin // want package:`stores "user" \(middleware\), gin\.accountKey, gin\.viewerKey \(middleware\)`

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Middleware put in use by a function the router is handed to.

func useNoCache(r *gin.Engine) { r.Use(noCache) }
func useNothing(r *gin.Engine) { r.Use(gin.Recovery()) }

func helperCovered(c *gin.Context) { c.JSON(http.StatusOK, c.MustGet("user")) }
func helperOpen(c *gin.Context)    { c.JSON(http.StatusOK, c.MustGet("user")) }

// Middleware made from a configuration whose function finds the user.

type authConfig struct {
	ParseUser func(c *gin.Context) (string, error)
}

func authWith(cfg authConfig) gin.HandlerFunc {
	return func(c *gin.Context) {
		u, err := cfg.ParseUser(c)
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("user", u)
		c.Next()
	}
}

func bearerUser(c *gin.Context) (string, error)  { return c.GetHeader("Authorization"), nil }
func sessionUser(c *gin.Context) (string, error) { return c.Cookie("session") }

func configBearer(c *gin.Context)  { c.JSON(http.StatusOK, c.MustGet("user")) }
func configSession(c *gin.Context) { c.JSON(http.StatusOK, c.MustGet("user")) }

func configRoutes() {
	covered := gin.New()
	useNoCache(covered)
	covered.GET("/me", helperCovered)
	open := gin.New() // want `gin.helperOpen reads the request value "user" but the responses of its route "GET /me"`
	useNothing(open)
	open.GET("/me", helperOpen)

	bearer := gin.New()
	bearer.Use(authWith(authConfig{ParseUser: bearerUser}))
	bearer.GET("/me", configBearer)
	session := gin.New() // want `gin.configSession reads the request value "user" but the responses of its route "GET /me"`
	session.Use(authWith(authConfig{ParseUser: sessionUser}))
	session.GET("/me", configSession)
}
