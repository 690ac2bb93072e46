// Package fiber3 holds privatecache cases for fiber v3 handlers.
package fiber3

import (
	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/session"
)

func me(c fiber.Ctx) error {
	return c.JSON(c.Locals("user")) // want `handler reads the request value "user" but writes this response without Cache-Control private or no-store`
}

func generic(c fiber.Ctx) error {
	u := fiber.Locals[string](c, "userID")
	return c.SendString(u) // want `handler reads the request value "userID" but writes`
}

// c.Get reads a request header, c.Res().Get a response header.
func bearer(c fiber.Ctx) error {
	_ = c.Res().Get("X-Token")
	return c.SendString(c.Get(fiber.HeaderAuthorization)) // Authorization only: RFC 9111 section 3.5
}

func cookie(c fiber.Ctx) error {
	return c.Send([]byte(c.Cookies("session"))) // want `handler reads the cookie "session" but writes`
}

func sessionMiddleware(c fiber.Ctx) error {
	sess := session.FromContext(c)
	return c.JSON(sess.Get("name")) // want `handler reads the session but writes`
}

func public(c fiber.Ctx) error {
	c.Set("Cache-Control", "s-maxage=60") // want `handler reads the request value "user" but sets Cache-Control "s-maxage=60"`
	return c.JSON(c.Locals("user"))
}

// Negatives.

func private(c fiber.Ctx) error {
	c.Set("Cache-Control", "private, no-store")
	return c.JSON(c.Locals("user"))
}

func responseHeaderOnly(c fiber.Ctx) error {
	return c.SendString(c.Res().Get("Authorization"))
}

func onlyErrors(c fiber.Ctx) error {
	if c.Locals("user") == nil {
		return c.Status(fiber.StatusUnauthorized).JSON(fiber.Map{"error": "login"})
	}
	return c.SendStatus(fiber.StatusForbidden)
}

func onlyRedirects(c fiber.Ctx) error {
	if c.Cookies("session") == "" {
		return c.Redirect().To("/login")
	}
	return c.Redirect().To("/home")
}

func stores(c fiber.Ctx) error {
	c.Locals("user", "anonymous")
	fiber.Locals[string](c, "user", "anonymous")
	return c.SendString("ok")
}

func bindsBody(c fiber.Ctx) error {
	var v struct{ Name string }
	if err := c.Bind().Body(&v); err != nil {
		return err
	}
	return c.JSON(c.Locals("user"))
}

// Set after the body: fiber buffers the response, so it still counts.
func setAfter(c fiber.Ctx) error {
	err := c.JSON(c.Locals("user"))
	c.Set("Cache-Control", "no-store")
	return err
}

// Routing.

func noStore(c fiber.Ctx) error {
	c.Set("Cache-Control", "no-store")
	return c.Next()
}

func profile(c fiber.Ctx) error { return c.JSON(c.Locals("user")) }

func use(c fiber.Ctx) error      { return profile(c) }
func chain(c fiber.Ctx) error    { return profile(c) }
func groupArg(c fiber.Ctx) error { return profile(c) }
func groupUse(c fiber.Ctx) error { return profile(c) }
func post(c fiber.Ctx) error     { return profile(c) }
func exposed(c fiber.Ctx) error  { return profile(c) }

func router() *fiber.App {
	app := fiber.New()
	app.Use(noStore)
	app.Get("/use", use)

	open := fiber.New() // want `fiber3.exposed reads the request value "user" \(through fiber3.profile\) but the responses of its route "GET /exposed"`
	open.Get("/chain", noStore, chain)
	g := open.Group("/g", noStore)
	g.Get("/arg", groupArg)
	g2 := open.Group("/g2")
	g2.Use(noStore)
	g2.Get("/use", groupUse)
	open.Post("/post", post)
	open.Get("/exposed", exposed)
	return open
}
