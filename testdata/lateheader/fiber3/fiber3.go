// Package fiber3 holds lateheader's fiber v3 cases: nothing is reported,
// since fiber sends the response after the handler returns.
package fiber3

import (
	"github.com/gofiber/fiber/v3"
)

func Routes(app *fiber.App) {
	app.Get("/", afterSend)
}

func afterSend(c fiber.Ctx) error {
	if err := c.JSON(fiber.Map{"ok": true}); err != nil {
		return err
	}
	c.Set("X-Request-Id", "1")
	c.Cookie(&fiber.Cookie{Name: "seen", Value: "1", Secure: true, HTTPOnly: true})
	c.Status(fiber.StatusAccepted)
	return c.SendStatus(fiber.StatusAccepted)
}
