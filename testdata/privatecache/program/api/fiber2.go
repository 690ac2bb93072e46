package api

import (
	"github.com/gofiber/fiber/v2"
)

// Fiber2 handlers: cookie-identified, Authorization-identified, a file,
// and one that sets no-store itself.

func Fiber2Profile(c *fiber.Ctx) error { // want Fiber2Profile:`per-user missing \(api.Fiber2Profile reads the cookie "session"\)`
	s := c.Cookies("session")
	return c.JSON(s)
}

func Fiber2Orders(c *fiber.Ctx) error { // want Fiber2Orders:`per-user missing`
	s := c.Cookies("session")
	return c.JSON([]string{s})
}

func Fiber2Token(c *fiber.Ctx) error { // want Fiber2Token:`per-user missing \(api.Fiber2Token reads the Authorization header\)`
	s := c.Get("Authorization")
	return c.JSON(s)
}

func Fiber2Avatar(c *fiber.Ctx) error { // want Fiber2Avatar:`per-user validators`
	s := c.Cookies("session")
	return c.SendFile("avatars/" + s + ".png")
}

func Fiber2Settings(c *fiber.Ctx) error { // want Fiber2Settings:`sets Cache-Control "no-store"`
	c.Set("Cache-Control", "no-store")
	s := c.Cookies("session")
	return c.JSON(s)
}

// RegisterFiber2 adds a route to the group its caller gives it.
func RegisterFiber2(g fiber.Router) { // want RegisterFiber2:`registers per-user routes on parameter 0: api.Fiber2Profile`
	g.Get("/me", Fiber2Profile)
}
