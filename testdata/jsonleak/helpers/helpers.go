// Package helpers writes JSON responses for its callers in other
// packages.
package helpers

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"resplint.test/jsonleak/models"
)

// WriteJSON writes any value: its callers decide what leaks.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// WriteUser leaks whatever its callers pass: reported here, once.
func WriteUser(c *gin.Context, u *models.User) {
	c.JSON(http.StatusOK, u) // want `c.JSON sends the secret fields \*models.User` `token field`
}

// OK is generic: the type argument decides.
func OK[T any](c echo.Context, v T) error {
	return c.JSON(http.StatusOK, v)
}

// Marshal writes the bytes of json.Marshal.
func Marshal(c *fiber.Ctx, v interface{}) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.Send(b)
}
