// Package fiber2 holds jsonleak cases for fiber v2 handlers.
package fiber2

import (
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func load() models.User { return get[models.User]() }

func show(c *fiber.Ctx) error {
	return c.JSON(load()) // want `c.JSON sends the secret fields models.User` `token field`
}

func chained(c *fiber.Ctx) error {
	return c.Status(fiber.StatusOK).JSONP(load().Account) // want `c.Status\(fiber.StatusOK\).JSONP sends the secret field \*models.Account → .Salt`
}

func handBuilt(c *fiber.Ctx) error {
	u := load()
	return c.JSON(fiber.Map{"user": fiber.Map{"email": u.Email, "hashed_password": u.PasswordHash}}) // want `has the secret key "hashed_password" at \["user"\]\["hashed_password"\]`
}

func send(c *fiber.Ctx) error {
	b, err := json.Marshal(get[[]models.UserSession]())
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	return c.Send(b) // want `c.Send of json.Marshal output sends the token field \[\]models.UserSession → .Token`
}

func encoder(c *fiber.Ctx) error {
	if err := json.NewEncoder(c).Encode(load().Account); err != nil { // want `json.NewEncoder\(c\).Encode sends the secret field`
		return err
	}
	return json.NewEncoder(c.Response().BodyWriter()).Encode(load().Account) // want `sends the secret field`
}

func filtered(c *fiber.Ctx) error {
	u := load()
	return c.JSON(fiber.Map{"token": u.APIToken, "user": models.Public{ID: u.ID}})
}
