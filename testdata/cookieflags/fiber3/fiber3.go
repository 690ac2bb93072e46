// Package fiber3 holds cookieflags cases for fiber v3 handlers.
package fiber3

import (
	"github.com/gofiber/fiber/v3"
)

func login(c fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "session", Value: "v", Secure: true}) // want `cookie "session" is set without HttpOnly`
	ck := &fiber.Cookie{Name: "refresh_token", Value: "v"}
	ck.HTTPOnly = true
	c.Cookie(ck)                                                           // want `cookie "refresh_token" is set without Secure`
	c.Res().Cookie(&fiber.Cookie{Name: "sid", Value: "v", HTTPOnly: true}) // want `cookie "sid" is set without Secure`
	return c.SendString("ok")
}

func negatives(c fiber.Ctx) error {
	// fiber v3.1 forces Secure for SameSite=None and Partitioned, and Path "/" by default.
	c.Cookie(&fiber.Cookie{Name: "session", Value: "v", HTTPOnly: true, SameSite: fiber.CookieSameSiteNoneMode})
	c.Cookie(&fiber.Cookie{Name: "auth", Value: "v", HTTPOnly: true, Partitioned: true})
	c.Cookie(&fiber.Cookie{Name: "__Host-id", Value: "v", HTTPOnly: true, Secure: true})
	c.Cookie(&fiber.Cookie{Name: "prefs", Value: "v"})
	return nil
}

// Secure left off in the branch for plain HTTP is the program's choice.
func plainHTTP(c fiber.Ctx) error {
	if !c.Secure() {
		c.Cookie(&fiber.Cookie{Name: "session", Value: "v", HTTPOnly: true})
		return nil
	}
	c.Cookie(&fiber.Cookie{Name: "session", Value: "v", HTTPOnly: true}) // want `cookie "session" is set without Secure`
	return nil
}
