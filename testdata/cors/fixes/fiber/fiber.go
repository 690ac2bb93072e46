// Package fiber is fixed by adding Vary: Origin.
package fiber

import "github.com/gofiber/fiber/v2"

var allowed = map[string]bool{"https://app.example.com": true}

func handler(c *fiber.Ctx) error {
	if origin := c.Get(fiber.HeaderOrigin); allowed[origin] {
		c.Set(fiber.HeaderAccessControlAllowOrigin, origin) // want `without Vary: Origin`
	}
	return c.SendStatus(204)
}
