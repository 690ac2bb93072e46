// Package fiber holds the inputs of disposition's suggested-fix golden tests
// for fiber.
package fiber

import (
	fiber2 "github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v3"
)

func fiberSendFile(c *fiber2.Ctx) error {
	return c.SendFile("./exports/report.csv") // want `file "report.csv" served`
}

func fiberType(c *fiber2.Ctx) error {
	c.Type("csv") // want "served as text/csv"
	return c.SendString("a,b\n")
}

func fiber3Config(c fiber.Ctx) error {
	return c.SendFile("./exports/report.zip", fiber.SendFile{Compress: true}) // want `file "report.zip" served`
}

func fiber3Set(c fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, "text/csv") // want "served as text/csv"
	return c.Send(nil)
}
