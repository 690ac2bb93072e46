// want package:`sets "session", "cart", "__Host-id"}`

// Package fiber2 holds cookiedelete cases for fiber v2 handlers.
package fiber2

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

func login(c *fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "session", Value: "v", Path: "/", HTTPOnly: true, Secure: true})
	// fiber v2 writes no Path for an empty one.
	c.Cookie(&fiber.Cookie{Name: "cart", Value: "1"})
	c.Cookie(&fiber.Cookie{Name: "__Host-id", Value: "v", Path: "/", Secure: true})
	return nil
}

func logout(c *fiber.Ctx) error {
	c.ClearCookie("session") // want `cookie "session" is deleted without Path .* but set with Path "/" at fiber2/fiber2.go:13: .*; delete it with Path "/"`
	c.ClearCookie("cart")    // ClearCookie writes no Path either
	c.Cookie(&fiber.Cookie{Name: "session", Path: "/", Expires: time.Now().Add(-time.Hour)})
	c.Cookie(&fiber.Cookie{Name: "session", MaxAge: -1}) // want `cookie "session" is deleted without Path`
	c.ClearCookie()                                      // every cookie of the request: none named
	c.ClearCookie("__Host-id")                           // want `cookie "__Host-id" is deleted without Path` `cookie "__Host-id" has the __Host- prefix but is deleted without Secure: .*; delete it with a cookie that sets Secure`
	c.Cookie(&fiber.Cookie{Name: "__Host-id", Path: "/", Secure: true, MaxAge: -1})
	// SameSite=None makes fiber write Secure.
	c.Cookie(&fiber.Cookie{Name: "__Host-id", Path: "/", SameSite: "None", MaxAge: -1})
	return nil
}
