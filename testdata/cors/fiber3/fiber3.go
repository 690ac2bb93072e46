// Package fiber3 sets CORS headers by hand and through fiber v3's CORS
// middleware.
package fiber3

import (
	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/cors"
)

func reflectAll(c fiber.Ctx) error {
	c.Vary(fiber.HeaderOrigin)
	c.Set(fiber.HeaderAccessControlAllowOrigin, c.Get(fiber.HeaderOrigin)) // want `without an allow-list check`
	c.Set(fiber.HeaderAccessControlAllowCredentials, "true")
	return c.SendStatus(204)
}

func noCredentials(c fiber.Ctx) error {
	c.Set(fiber.HeaderAccessControlAllowOrigin, c.Get(fiber.HeaderOrigin)) // want `without Vary: Origin`
	return c.SendStatus(204)
}

func routes(app *fiber.App) {
	app.Use(cors.New(cors.Config{
		AllowOriginsFunc: func(origin string) bool { return true }, // want `AllowOriginsFunc accepts every origin`
		AllowCredentials: true,
	}))
	app.Use(cors.New(cors.Config{AllowOrigins: []string{"*"}, AllowCredentials: true}))
	app.Use(cors.New(cors.Config{AllowOrigins: []string{"https://app.example.com"}, AllowCredentials: true}))
}
