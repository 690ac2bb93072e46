// Package fiber2 holds lateheader's fiber v2 cases: fiber builds the
// response in memory and sends it after the handler returns, so nothing
// is reported.
package fiber2

import (
	"github.com/gofiber/fiber/v2"
)

func Routes(app *fiber.App) {
	app.Get("/", afterSend)
}

func afterSend(c *fiber.Ctx) error {
	if err := c.SendString("hello"); err != nil {
		return err
	}
	c.Set("X-Request-Id", "1")
	c.Cookie(&fiber.Cookie{Name: "seen", Value: "1", Secure: true, HTTPOnly: true})
	c.Status(fiber.StatusAccepted)
	return nil
}

func twice(c *fiber.Ctx) error {
	if c.Query("id") == "" {
		c.Status(fiber.StatusBadRequest).SendString("no id")
	}
	c.Append("Vary", "Accept")
	return c.JSON(fiber.Map{"ok": true})
}
