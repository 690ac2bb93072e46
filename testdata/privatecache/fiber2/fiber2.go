// Package fiber2 holds privatecache cases for fiber v2 handlers.
package fiber2

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/session"
)

var store = session.New()

func me(c *fiber.Ctx) error {
	return c.JSON(c.Locals("user")) // want `handler reads the request value "user" but writes this response without Cache-Control private or no-store`
}

// c.Get reads a request header.
func bearer(c *fiber.Ctx) error {
	return c.SendString(c.Get(fiber.HeaderAuthorization)) // Authorization only: RFC 9111 section 3.5
}

func cookie(c *fiber.Ctx) error {
	sid := c.Cookies("session_id")
	if sid == "" {
		return c.Status(fiber.StatusUnauthorized).JSON(fiber.Map{"error": "login"})
	}
	return c.Status(fiber.StatusOK).Send([]byte(sid)) // want `handler reads the cookie "session_id" but writes`
}

func sessionStore(c *fiber.Ctx) error {
	sess, err := store.Get(c)
	if err != nil {
		return err
	}
	return c.JSON(sess.Get("name")) // want `handler reads the session but writes`
}

func fasthttpHeader(c *fiber.Ctx) error {
	tok := c.Request().Header.Peek("Authorization")
	return c.Send(tok) // Authorization only: RFC 9111 section 3.5
}

func public(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "public, max-age=60") // want `handler reads the request value "user" but sets Cache-Control "public, max-age=60"`
	return c.JSON(c.Locals("user"))
}

// Negatives.

func private(c *fiber.Ctx) error {
	c.Set("Cache-Control", "private, no-store")
	return c.JSON(c.Locals("user"))
}

func onlyErrors(c *fiber.Ctx) error {
	if c.Locals("user") == nil {
		return c.Status(fiber.StatusUnauthorized).JSON(fiber.Map{"error": "login"})
	}
	return c.SendStatus(fiber.StatusForbidden)
}

func onlyRedirects(c *fiber.Ctx) error {
	if c.Cookies("session_id") == "" {
		return c.Redirect("/login")
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// Locals with a value stores it.
func stores(c *fiber.Ctx) error {
	c.Locals("user", "anonymous")
	return c.SendString(c.Get("Accept-Language") + c.Cookies("lang"))
}

func parsesBody(c *fiber.Ctx) error {
	var v struct{ Name string }
	if err := c.BodyParser(&v); err != nil {
		return err
	}
	return c.JSON(c.Locals("user"))
}

// Routing.

func noStore(c *fiber.Ctx) error {
	c.Set("Cache-Control", "no-store")
	return c.Next()
}

func profile(c *fiber.Ctx) error { return c.JSON(c.Locals("user")) }

func use(c *fiber.Ctx) error      { return profile(c) }
func chain(c *fiber.Ctx) error    { return profile(c) }
func groupArg(c *fiber.Ctx) error { return profile(c) }
func groupUse(c *fiber.Ctx) error { return profile(c) }
func post(c *fiber.Ctx) error     { return profile(c) }
func exposed(c *fiber.Ctx) error  { return profile(c) }

func router() *fiber.App {
	app := fiber.New()
	app.Use(noStore)
	app.Get("/use", use)

	open := fiber.New() // want `fiber2.exposed reads the request value "user" \(through fiber2.profile\) but the responses of its route "GET /exposed"`
	open.Get("/chain", noStore, chain)
	g := open.Group("/g", noStore)
	g.Get("/arg", groupArg)
	g2 := open.Group("/g2")
	g2.Use("/", noStore)
	g2.Get("/use", groupUse)
	open.Post("/post", post)
	open.Get("/exposed", exposed)
	return open
}

// A plain no-cache and no validator: every reuse asks the server again.
func exportRows(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-cache")
	return c.JSON(c.Locals("user"))
}

func exportTagged(c *fiber.Ctx) error {
	c.Set(fiber.HeaderETag, `"v1"`)
	c.Set(fiber.HeaderCacheControl, "no-cache") // want `handler reads the request value "user" but sets Cache-Control "no-cache", without private or no-store`
	return c.JSON(c.Locals("user"))
}
