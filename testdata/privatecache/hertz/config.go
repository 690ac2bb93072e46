package hertz // want package:`stores .*hertz\.viewerKey \(middleware\)`

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
)

// Middleware put in use by a function the router is handed to.

func useNoCache(h *server.Hertz) { h.Use(noCache) }
func useNothing(h *server.Hertz) {}

func helperCovered(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusOK, c.MustGet("user"))
}
func helperOpen(ctx context.Context, c *app.RequestContext) { c.JSON(http.StatusOK, c.MustGet("user")) }

// Middleware made from a configuration whose function finds the user.

type authConfig struct {
	ParseUser func(c *app.RequestContext) (string, error)
}

func authWith(cfg authConfig) app.HandlerFunc {
	return func(ctx context.Context, c *app.RequestContext) {
		u, err := cfg.ParseUser(c)
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("user", u)
		c.Next(ctx)
	}
}

func bearerUser(c *app.RequestContext) (string, error) {
	return string(c.GetHeader("Authorization")), nil
}
func sessionUser(c *app.RequestContext) (string, error) { return string(c.Cookie("session")), nil }

func configBearer(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusOK, c.MustGet("user"))
}
func configSession(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusOK, c.MustGet("user"))
}

func configRoutes() {
	covered := server.New()
	useNoCache(covered)
	covered.GET("/me", helperCovered)
	open := server.New() // want `hertz.helperOpen reads the request value "user" but the responses of its route "GET /me"`
	useNothing(open)
	open.GET("/me", helperOpen)

	bearer := server.New()
	bearer.Use(authWith(authConfig{ParseUser: bearerUser}))
	bearer.GET("/me", configBearer)
	session := server.New() // want `hertz.configSession reads the request value "user" but the responses of its route "GET /me"`
	session.Use(authWith(authConfig{ParseUser: sessionUser}))
	session.GET("/me", configSession)
}
