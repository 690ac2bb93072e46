package fixes

import "github.com/gofiber/fiber/v2"

func fiberLogin(c *fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "session", Value: "v"}) // want "HttpOnly" "Secure"
	return nil
}
