package fiber2 // want package:`stores .*fiber2\.viewerKey \(middleware\)`

import "github.com/gofiber/fiber/v2"

// beginAuth keeps the OAuth state in the session, then answers 400 or
// redirects to the provider: its 400 governs its own error body, and a
// redirect is nothing a cache keeps for a user.
func beginAuth(c *fiber.Ctx) error {
	sess, err := store.Get(c)
	if err != nil {
		return c.Status(fiber.StatusBadRequest).SendString(err.Error())
	}
	sess.Set("state", c.Query("state"))
	return c.Redirect("https://provider.example/auth", fiber.StatusTemporaryRedirect)
}

func socialLogin(c *fiber.Ctx) error { return beginAuth(c) }
