// Package fiber2 holds cookieflags cases for fiber v2 handlers.
package fiber2

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
)

func login(c *fiber.Ctx) error {
	// fiber v2.52 writes SameSite=Lax when SameSite is empty: no samesite report.
	c.Cookie(&fiber.Cookie{Name: "session", Value: "v"})                            // want `cookie "session" is set without HttpOnly: .*; set HTTPOnly: true` `cookie "session" is set without Secure`
	c.Cookie(&fiber.Cookie{Name: "jwt", Value: "v", HTTPOnly: true, Secure: false}) // want `cookie "jwt" is set without Secure`
	c.Set("Set-Cookie", "token=x; HttpOnly; Secure")                                // want `cookie "token" is set without SameSite`
	return c.SendString("ok")
}

func negatives(c *fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "session", Value: "v", HTTPOnly: true, Secure: true})
	// SameSite=None makes fasthttp write Secure.
	c.Cookie(&fiber.Cookie{Name: "auth", Value: "v", HTTPOnly: true, SameSite: fiber.CookieSameSiteNoneMode})
	c.Cookie(&fiber.Cookie{Name: "theme", Value: "dark"})
	c.Cookie(&fiber.Cookie{Name: "session", Expires: time.Now().Add(-time.Hour), Secure: true})
	// "disabled" is a deliberate choice.
	c.Cookie(&fiber.Cookie{Name: "sid", Value: "v", HTTPOnly: true, Secure: true, SameSite: fiber.CookieSameSiteDisabled})
	return nil
}

// Secure left off in the branch for plain HTTP is the program's choice.
func plainHTTP(c *fiber.Ctx) error {
	if !c.Secure() {
		c.Cookie(&fiber.Cookie{Name: "session", Value: "v", HTTPOnly: true})
		return nil
	}
	c.Cookie(&fiber.Cookie{Name: "session", Value: "v", HTTPOnly: true}) // want `cookie "session" is set without Secure`
	return nil
}

// A factory of fiber cookies that returns an error too.
func newFiberSession(user string) (*fiber.Cookie, error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	return &fiber.Cookie{Name: "session", Value: user, HTTPOnly: true}, nil
}

func newFiberSafeSession(user string) (*fiber.Cookie, error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	return &fiber.Cookie{Name: "session", Value: user, HTTPOnly: true, Secure: true}, nil
}

func fiberFactory(c *fiber.Ctx) error {
	cookie, err := newFiberSession(c.Query("user"))
	if err != nil {
		return err
	}
	c.Cookie(cookie) // want `cookie "session" is set without Secure`
	safe, err := newFiberSafeSession(c.Query("user"))
	if err != nil {
		return err
	}
	c.Cookie(safe)
	return nil
}
