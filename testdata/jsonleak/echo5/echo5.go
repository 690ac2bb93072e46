// Package echo5 holds jsonleak cases for echo v5 handlers.
package echo5

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v5"

	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func load() models.User { return get[models.User]() }

func show(c *echo.Context) error {
	return c.JSON(http.StatusOK, load()) // want `c.JSON sends the secret fields models.User` `token field`
}

func pretty(c *echo.Context) error {
	return c.JSONPretty(http.StatusOK, map[uint]models.Account{}, "  ") // want `c.JSONPretty sends the secret field map\[uint\]models.Account → .Salt`
}

func jsonp(c *echo.Context) error {
	return c.JSONP(http.StatusOK, "cb", load().Account) // want `c.JSONP sends the secret field`
}

func handBuilt(c *echo.Context) error {
	u := load()
	return c.JSON(http.StatusOK, map[string]any{"id": u.ID, "salt": u.Account.Salt}) // want `has the secret key "salt"`
}

func encoder(c *echo.Context) error {
	return json.NewEncoder(c.Response()).Encode(load().Account) // want `json.NewEncoder\(c.Response\(\)\).Encode sends the secret field`
}

func filtered(c *echo.Context) error {
	u := load()
	return c.JSON(http.StatusOK, models.Public{ID: u.ID, Email: u.Email})
}
