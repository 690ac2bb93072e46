package api

import (
	"github.com/gofiber/fiber/v3"
)

// Fiber3 handlers: cookie-identified, Authorization-identified, a file,
// and one that sets no-store itself.

func Fiber3Profile(c fiber.Ctx) error { // want Fiber3Profile:`per-user missing \(api.Fiber3Profile reads the cookie "session"\)`
	s := c.Cookies("session")
	return c.JSON(s)
}

func Fiber3Orders(c fiber.Ctx) error { // want Fiber3Orders:`per-user missing`
	s := c.Cookies("session")
	return c.JSON([]string{s})
}

func Fiber3Token(c fiber.Ctx) error { // want Fiber3Token:`per-user missing \(api.Fiber3Token reads the Authorization header\)`
	s := c.Get("Authorization")
	return c.JSON(s)
}

func Fiber3Avatar(c fiber.Ctx) error { // want Fiber3Avatar:`per-user validators`
	s := c.Cookies("session")
	return c.SendFile("avatars/" + s + ".png")
}

func Fiber3Settings(c fiber.Ctx) error { // want Fiber3Settings:`sets Cache-Control "no-store"`
	c.Set("Cache-Control", "no-store")
	s := c.Cookies("session")
	return c.JSON(s)
}

// RegisterFiber3 adds a route to the group its caller gives it.
func RegisterFiber3(g fiber.Router) { // want RegisterFiber3:`registers per-user routes on parameter 0: api.Fiber3Profile`
	g.Get("/me", Fiber3Profile)
}
