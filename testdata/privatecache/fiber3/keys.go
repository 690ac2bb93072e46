package fiber3

import (
	"github.com/gofiber/fiber/v3"
)

// A user stored under an unexported key by middleware alone: a route
// without that middleware reads no one.

type viewerKey struct{}

func viewerAuth(c fiber.Ctx) error {
	sid := c.Cookies("session")
	if sid == "" {
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	c.Locals(viewerKey{}, sid)
	return c.Next()
}

func viewerPage(c fiber.Ctx) error { return c.JSON(c.Locals(viewerKey{})) }
func seoPage(c fiber.Ctx) error    { return c.JSON(c.Locals(viewerKey{})) }

// Also stored outside middleware: no route is known to lack it.

type accountKey struct{}

func accountAuth(c fiber.Ctx) error {
	setAccount(c)
	return c.Next()
}

func setAccount(c fiber.Ctx) { c.Locals(accountKey{}, c.Query("a")) }

func accountPage(c fiber.Ctx) error { return c.JSON(c.Locals(accountKey{})) }

func keyRoutes() *fiber.App {
	app := fiber.New()
	signed := app.Group("/signed", viewerAuth) // want `fiber3.viewerPage reads the request value fiber3.viewerKey but the responses of its route "GET /me" carry no Cache-Control private or no-store`
	signed.Get("/me", viewerPage)
	seo := app.Group("/seo")
	seo.Get("/page", seoPage)
	acct := app.Group("/acct") // want `fiber3.accountPage reads the request value fiber3.accountKey but the responses of its route "GET /me"`
	acct.Get("/me", accountPage)
	return app
}
