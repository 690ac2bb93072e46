// Package mw holds the middleware that the router package registers for // want package:`stores "user" \(middleware\), mw\.userKey \(middleware\), mw\.viewerKey \(middleware\)`
// the handlers of package api.
package mw

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
)

func NoStore(next http.Handler) http.Handler { // want NoStore:`wraps with Cache-Control "no-cache, no-store"`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache, no-store")
		next.ServeHTTP(w, r)
	})
}

func Public(next http.Handler) http.Handler { // want Public:`wraps with Cache-Control "public, max-age=3600"`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		next.ServeHTTP(w, r)
	})
}

func GinNoStore(c *gin.Context) { // want GinNoStore:`sets Cache-Control "no-store"`
	c.Header("Cache-Control", "no-store")
	c.Next()
}

func GinPublic(c *gin.Context) { // want GinPublic:`sets Cache-Control "public, max-age=3600"`
	c.Header("Cache-Control", "public, max-age=3600")
	c.Next()
}

func Echo4NoStore(next echo4.HandlerFunc) echo4.HandlerFunc { // want Echo4NoStore:`wraps with Cache-Control "no-store"`
	return func(c echo4.Context) error {
		c.Response().Header().Set("Cache-Control", "no-store")
		return next(c)
	}
}

func Echo4Public(next echo4.HandlerFunc) echo4.HandlerFunc { // want Echo4Public:`wraps with Cache-Control "public, max-age=3600"`
	return func(c echo4.Context) error {
		c.Response().Header().Set("Cache-Control", "public, max-age=3600")
		return next(c)
	}
}

func Echo5NoStore(next echo5.HandlerFunc) echo5.HandlerFunc { // want Echo5NoStore:`wraps with Cache-Control "no-store"`
	return func(c *echo5.Context) error {
		c.Response().Header().Set("Cache-Control", "no-store")
		return next(c)
	}
}

func Echo5Public(next echo5.HandlerFunc) echo5.HandlerFunc { // want Echo5Public:`wraps with Cache-Control "public, max-age=3600"`
	return func(c *echo5.Context) error {
		c.Response().Header().Set("Cache-Control", "public, max-age=3600")
		return next(c)
	}
}

func Fiber2NoStore(c *fiber2.Ctx) error { // want Fiber2NoStore:`sets Cache-Control "no-store"`
	c.Set("Cache-Control", "no-store")
	return c.Next()
}

func Fiber2Public(c *fiber2.Ctx) error { // want Fiber2Public:`sets Cache-Control "public, max-age=3600"`
	c.Set("Cache-Control", "public, max-age=3600")
	return c.Next()
}

func Fiber3NoStore(c fiber3.Ctx) error { // want Fiber3NoStore:`sets Cache-Control "no-store"`
	c.Set("Cache-Control", "no-store")
	return c.Next()
}

func Fiber3Public(c fiber3.Ctx) error { // want Fiber3Public:`sets Cache-Control "public, max-age=3600"`
	c.Set("Cache-Control", "public, max-age=3600")
	return c.Next()
}

// StaticPublic marks only static files public.
func StaticPublic() gin.HandlerFunc {
	return func(c *gin.Context) {
		if strings.HasPrefix(c.Request.URL.Path, "/static/") {
			c.Header("Cache-Control", "public, max-age=31536000")
		}
	}
}

// Bearer and GinBearer read the user from the Authorization header
// only; GinCookieAuth from a cookie.

func Bearer(next http.Handler) http.Handler { // want Bearer:`authenticates by Authorization` Bearer:`stores mw\.userKey`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, token)))
	})
}

type userKey struct{}

func GinBearer(c *gin.Context) { // want GinBearer:`authenticates by Authorization` GinBearer:`stores "user"`
	c.Set("user", bearerUser(c))
	c.Next()
}

func bearerUser(c *gin.Context) string {
	return strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
}

// GinBearerIndex and BearerIndex read the header by indexing the map.
func GinBearerIndex(c *gin.Context) { // want GinBearerIndex:`authenticates by Authorization` GinBearerIndex:`stores "user"`
	var token string
	if v := c.Request.Header["Authorization"]; len(v) > 0 {
		token = v[0]
	}
	c.Set("user", token)
	c.Next()
}

func BearerIndex(next http.Handler) http.Handler { // want BearerIndex:`authenticates by Authorization` BearerIndex:`stores mw\.userKey`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := strings.Join(r.Header["Authorization"], "")
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, token)))
	})
}

func GinCookieAuth(c *gin.Context) { // want GinCookieAuth:`authenticates by the cookie "session"` GinCookieAuth:`stores "user"`
	s, _ := c.Cookie("session")
	c.Set("user", s)
	c.Next()
}

// GinViewer stores the signed-in user under a key of this package that
// only middleware stores; Viewer reads it.
func GinViewer(c *gin.Context) { // want GinViewer:`authenticates by the cookie "session"` GinViewer:`stores mw\.viewerKey`
	s, _ := c.Cookie("session")
	c.Set(viewerKey, s)
	c.Next()
}

var viewerKey = "viewer"

func Viewer(c *gin.Context) string { return c.GetString(viewerKey) }
