// want package:`sets "session", "cart"}`

// Package fiber3 holds cookiedelete cases for fiber v3 handlers.
package fiber3

import (
	"github.com/gofiber/fiber/v3"
)

func login(c fiber.Ctx) error {
	// fiber v3 writes Path "/" for an empty one.
	c.Cookie(&fiber.Cookie{Name: "session", Value: "v", HTTPOnly: true, Secure: true})
	c.Cookie(&fiber.Cookie{Name: "cart", Value: "1", Path: "/shop"})
	return nil
}

func logout(c fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "session", MaxAge: -1}) // "/" both
	// ClearCookie does not go through Cookie, and writes no Path.
	c.ClearCookie("session")         // want `cookie "session" is deleted without Path .* but set with Path "/" \(fiber/v3's for an empty path\) at fiber3/fiber3.go:12`
	c.ClearCookie("cart", "session") // want `cookie "cart" is deleted without Path .* but set with Path "/shop"` `cookie "session" is deleted without Path`
	c.Cookie(&fiber.Cookie{Name: "cart", Path: "/shop", MaxAge: -1})
	return nil
}

// A deletion the handler follows with a new cookie of the same name
// replaces it.
func renew(c fiber.Ctx) error {
	c.ClearCookie("session")
	c.Cookie(&fiber.Cookie{Name: "session", Value: "new", HTTPOnly: true, Secure: true})
	return nil
}
