package fiber2

import (
	"github.com/gofiber/fiber/v2"
)

// Middleware put in use by a function the router is handed to.

func useNoStore(app *fiber.App) { app.Use(noStore) }
func useNothing(app *fiber.App) {}

func helperCovered(c *fiber.Ctx) error { return c.JSON(c.Locals("user")) }
func helperOpen(c *fiber.Ctx) error    { return c.JSON(c.Locals("user")) }

// Middleware made from a configuration whose function finds the user.

type authConfig struct {
	ParseUser func(c *fiber.Ctx) (string, error)
}

func authWith(cfg authConfig) fiber.Handler {
	return func(c *fiber.Ctx) error {
		u, err := cfg.ParseUser(c)
		if err != nil {
			return c.SendStatus(fiber.StatusUnauthorized)
		}
		c.Locals("user", u)
		return c.Next()
	}
}

func bearerUser(c *fiber.Ctx) (string, error)  { return c.Get("Authorization"), nil }
func sessionUser(c *fiber.Ctx) (string, error) { return c.Cookies("session"), nil }

func configBearer(c *fiber.Ctx) error  { return c.JSON(c.Locals("user")) }
func configSession(c *fiber.Ctx) error { return c.JSON(c.Locals("user")) }

func configRoutes() {
	covered := fiber.New()
	useNoStore(covered)
	covered.Get("/me", helperCovered)
	open := fiber.New() // want `fiber2.helperOpen reads the request value "user" but the responses of its route "GET /me"`
	useNothing(open)
	open.Get("/me", helperOpen)

	bearer := fiber.New()
	bearer.Use(authWith(authConfig{ParseUser: bearerUser}))
	bearer.Get("/me", configBearer)
	session := fiber.New() // want `fiber2.configSession reads the request value "user" but the responses of its route "GET /me"`
	session.Use(authWith(authConfig{ParseUser: sessionUser}))
	session.Get("/me", configSession)
}
