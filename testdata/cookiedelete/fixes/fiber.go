// want package:`sets "cart", "__Host-fid", "session", "prefs", "__Host-id", "token", "hsession", "__Host-hid", a session}`

package fixes

import "github.com/gofiber/fiber/v2"

func fiberLogin(c *fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "cart", Value: "v", Path: "/shop", Domain: "example.com"})
	c.Cookie(&fiber.Cookie{Name: "__Host-fid", Value: "v", Path: "/", Secure: true})
	return nil
}

func fiberLogout(c *fiber.Ctx) error {
	c.ClearCookie("cart")       // want "without Path"
	c.ClearCookie("__Host-fid") // want "without Path" "prefix"
	return nil
}
