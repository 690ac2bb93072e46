package fiber2

import (
	"github.com/gofiber/fiber/v2"
)

// A status set once, under a first-time flag, in the handler's loop.
func streamOnce(c *fiber.Ctx, chunks <-chan []byte) error {
	committed := false
	for b := range chunks {
		if !committed {
			c.Set("X-Stream", c.Query("s"))
			c.Status(fiber.StatusAccepted)
			committed = true
		}
		if _, err := c.Write(b); err != nil {
			return err
		}
	}
	return nil
}
