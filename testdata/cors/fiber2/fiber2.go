// Package fiber2 sets CORS headers by hand and through fiber v2's CORS
// middleware.
package fiber2

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
)

func reflectAll(c *fiber.Ctx) error {
	c.Set(fiber.HeaderAccessControlAllowOrigin, c.Get(fiber.HeaderOrigin)) // want `without an allow-list check` `without Vary: Origin`
	c.Set(fiber.HeaderAccessControlAllowCredentials, "true")
	return c.SendStatus(204)
}

func varied(c *fiber.Ctx) error {
	c.Vary(fiber.HeaderOrigin)
	origin := c.Get(fiber.HeaderOrigin)
	if strings.HasSuffix(origin, ".example.com") {
		c.Set(fiber.HeaderAccessControlAllowOrigin, origin)
		c.Set(fiber.HeaderAccessControlAllowCredentials, "true")
	}
	return c.SendStatus(204)
}

func routes(app *fiber.App) {
	app.Use(cors.New(cors.Config{
		AllowOriginsFunc: func(origin string) bool { return true }, // want `fiber's CORS middleware's AllowOriginsFunc accepts every origin`
		AllowCredentials: true,
	}))
	// "null" is not a URL: New panics at start-up.
	app.Use(cors.New(cors.Config{AllowOrigins: "https://app.example.com, null", AllowCredentials: true}))
	// "*" with credentials panics at start-up: not reported.
	app.Use(cors.New(cors.Config{AllowOrigins: "*", AllowCredentials: true}))
	app.Use(cors.New(cors.Config{AllowCredentials: true}))
	app.Use(cors.New(cors.Config{AllowOrigins: "https://app.example.com", AllowCredentials: true}))
	app.Use(cors.New())
}
