// Package strict holds privatecache cases for -privatecache.strict:
// responses identified by the Authorization header alone are reported
// too, each on its own.
package strict

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
)

func token(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(r.Header.Get("Authorization")) // want `handler reads the Authorization header but writes this response without Cache-Control private or no-store`
}

func ginToken(c *gin.Context) {
	c.JSON(http.StatusOK, c.GetHeader("Authorization")) // want `handler reads the Authorization header but writes`
}

func echo4Token(c echo4.Context) error {
	return c.JSON(http.StatusOK, c.Request().Header.Get("Authorization")) // want `handler reads the Authorization header but writes`
}

func echo5Token(c *echo5.Context) error {
	return c.JSON(http.StatusOK, c.Request().Header.Get("Authorization")) // want `handler reads the Authorization header but writes`
}

func fiber2Token(c *fiber2.Ctx) error {
	return c.JSON(c.Get("Authorization")) // want `handler reads the Authorization header but writes`
}

func fiber3Token(c fiber3.Ctx) error {
	return c.JSON(c.Get("Authorization")) // want `handler reads the Authorization header but writes`
}

// Registered routes are reported one by one, not as a group.
func orders(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	json.NewEncoder(w).Encode(c.Value) // want `handler reads the cookie "session" but writes`
}

func invoices(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	json.NewEncoder(w).Encode(c.Value) // want `handler reads the cookie "session" but writes`
}

func routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /orders", orders)
	m.HandleFunc("GET /invoices", invoices)
	m.HandleFunc("GET /token", token)
}

// A credential header of the application's own: reported like
// Authorization.
func apiKey(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(r.Header.Get("X-Api-Key")) // want `handler reads the X-Api-Key header but writes this response without Cache-Control private or no-store`
}

func ginAPIKey(c *gin.Context) {
	c.JSON(http.StatusOK, c.GetHeader("Api-Token")) // want `handler reads the Api-Token header but writes`
}
