// Package fiber3 holds jsonleak cases for fiber v3 handlers.
package fiber3

import (
	"encoding/json"

	"github.com/gofiber/fiber/v3"

	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func load() models.User { return get[models.User]() }

func show(c fiber.Ctx) error {
	return c.JSON(load()) // want `c.JSON sends the secret fields models.User` `token field`
}

func viaRes(c fiber.Ctx) error {
	return c.Res().JSONP(load().Account) // want `c.Res\(\).JSONP sends the secret field`
}

func handBuilt(c fiber.Ctx) error {
	u := load()
	return c.Status(fiber.StatusOK).JSON(fiber.Map{"password_digest": u.PasswordHash}) // want `has the secret key "password_digest"`
}

func send(c fiber.Ctx) error {
	b, _ := json.Marshal(load().Account)
	return c.Send(b) // want `c.Send of json.Marshal output sends the secret field`
}

func filtered(c fiber.Ctx) error {
	u := load()
	return c.JSON(models.Public{ID: u.ID, Email: u.Email})
}
