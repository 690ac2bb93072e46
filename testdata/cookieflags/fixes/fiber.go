package fixes

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/session"
)

func fiberLogin(c *fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "session", Value: "v"}) // want "HttpOnly" "Secure"
	return nil
}

var fiberSessions = session.New(session.Config{Expiration: time.Hour}) // want "CookieHTTPOnly" "CookieSecure"

func fiberSave(c *fiber.Ctx) error {
	sess, err := fiberSessions.Get(c)
	if err != nil {
		return err
	}
	sess.Set("uid", 1)
	return sess.Save()
}
