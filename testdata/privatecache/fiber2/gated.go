package fiber2

import (
	"github.com/gofiber/fiber/v2"
)

// Handlers that read no identity, behind middleware that does.

func sessionAuth(c *fiber.Ctx) error {
	if c.Cookies("session") == "" {
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	return c.Next()
}

func download(c *fiber.Ctx) error {
	return c.SendFile(c.Query("path")) // want `handler reads the user through middleware on its route and serves this response with validators`
}

func openDownload(c *fiber.Ctx) error { return c.SendFile(c.Query("path")) }

func storedDownload(c *fiber.Ctx) error { return c.SendFile(c.Query("path")) }

func page(c *fiber.Ctx) error { return c.SendFile("web/index.html") }

func gated() *fiber.App {
	app := fiber.New()
	admin := app.Group("/admin", sessionAuth)
	admin.Get("/download", download)
	admin.Get("/", page) // the application's own page: the same for every user

	app.Get("/public/download", openDownload) // no middleware identifies anyone

	stored := app.Group("/stored", sessionAuth, noStore)
	stored.Get("/download", storedDownload)
	return app
}
