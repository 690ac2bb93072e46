package fiber2

import (
	"github.com/gofiber/fiber/v2"
)

// Identity from request headers. A credential header the client adds
// itself (X-Api-Key) is never sent by a browser on its own: missing does
// not apply, public and validators do. A header that an authenticating
// proxy sets from its session (X-Forwarded-User) counts as the session.

func apiKey(c *fiber.Ctx) error {
	return c.JSON(c.Get("X-Api-Key"))
}

func apiKeyPublic(c *fiber.Ctx) error {
	c.Set("Cache-Control", "public, max-age=60") // want `handler reads the X-Api-Key header but sets Cache-Control "public, max-age=60"`
	return c.JSON(c.Get("X-Api-Key"))
}

func apiKeyFile(c *fiber.Ctx) error {
	return c.SendFile("files/" + c.Get("Api-Token")) // want `handler reads the Api-Token header and serves this response with validators`
}

func proxyUser(c *fiber.Ctx) error {
	return c.JSON(c.Get("X-Forwarded-User")) // want `handler reads the X-Forwarded-User header but writes this response without Cache-Control private or no-store`
}

func csrfHeader(c *fiber.Ctx) error {
	return c.JSON(c.Get("X-Csrf-Token"))
}

// Middleware that reads the user from a credential header: the handlers
// behind it that read the user it stores are judged as header reads.

func keyAuth(c *fiber.Ctx) error {
	key := c.Get("X-Gotify-Key")
	if key == "" {
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	c.Locals("user", key)
	return c.Next()
}

func keyed(c *fiber.Ctx) error { return c.JSON(c.Locals("user")) }

func keyedFile(c *fiber.Ctx) error {
	return c.SendFile(c.Locals("user").(string) + ".csv") // want `handler reads the request value "user" and serves this response with validators`
}

func cookied(c *fiber.Ctx) error { return c.JSON(c.Locals("user")) }

// A qualified no-cache on a page served only for POST: its response is
// not stored.
func flash(c *fiber.Ctx) error {
	_ = c.Cookies("session")
	c.Set("Cache-Control", `no-cache="Set-Cookie"`)
	return c.SendString("saved")
}

func flashPage(c *fiber.Ctx) error {
	_ = c.Cookies("session")
	c.Set("Cache-Control", `no-cache="Set-Cookie"`) // want `handler reads the cookie "session" but sets Cache-Control "no-cache=\\"Set-Cookie\\"", without private or no-store`
	return c.SendString("saved")
}

// A credential in the query or a form (?api_key=) is in the cache key,
// or in a POST body: only public applies, to the handler and behind
// middleware that reads it.

func apiKeyParam(c *fiber.Ctx) error {
	return c.SendFile("files/" + c.Query("api_key"))
}

func apiKeyParamPublic(c *fiber.Ctx) error {
	c.Set("Cache-Control", "public, max-age=60") // want `handler reads the query or form value "api_key" but sets Cache-Control "public, max-age=60"`
	return c.JSON(c.Query("api_key"))
}

func queryAuth(c *fiber.Ctx) error {
	c.Locals("user", c.Query("token"))
	return c.Next()
}

func queried(c *fiber.Ctx) error { return c.JSON(c.Locals("user")) }

// Whatever the parameter's name, middleware that finds the user it
// stores in the query finds it in the URL.
func queryAccess(c *fiber.Ctx) error {
	qat := c.Query("qat")
	if qat == "" {
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	c.Locals("user", "u-"+qat)
	return c.Next()
}

func headerRoutes() *fiber.App {
	app := fiber.New()
	keys := app.Group("/keys", keyAuth)
	keys.Get("/me", keyed)
	keys.Get("/export", keyedFile)
	cookies := app.Group("/cookies", sessionAuth) // want `fiber2.cookied reads the request value "user" but the responses of its route "GET /me" carry no Cache-Control private or no-store`
	cookies.Get("/me", cookied)
	app.Group("/query", queryAuth).Get("/me", queried)
	app.Group("/qat", queryAccess).Get("/me", queried)
	app.Post("/flash", flash)
	app.Get("/flash", flashPage)
	return app
}
