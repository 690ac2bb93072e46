// Package fiber3 holds disposition cases for fiber v3 handlers.
package fiber3

import (
	"encoding/csv"
	"fmt"

	"github.com/gofiber/fiber/v3"
)

func typ(c fiber.Ctx) error {
	c.Type("xlsx") // want `response served as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet without Content-Disposition`
	return c.Send(nil)
}

func set(c fiber.Ctx) error {
	c.Set("Content-Type", "text/csv; charset=utf-8") // want `response served as text/csv without`
	return c.SendString("a,b\n")
}

func res(c fiber.Ctx) error {
	c.Res().Type("zip") // want `response served as application/zip without`
	return nil
}

func sendFile(c fiber.Ctx) error {
	return c.SendFile("./exports/report.csv") // want `file "report.csv" served without .*serve it with Download`
}

func sendFileConfig(c fiber.Ctx) error {
	return c.SendFile("./exports/report.csv", fiber.SendFile{Compress: true}) // want `file "report.csv" served without .*add Download: true to the SendFile config`
}

func csvWriter(c fiber.Ctx) error {
	w := csv.NewWriter(c) // want `CSV written to the response by csv.NewWriter without`
	w.Flush()
	return w.Error()
}

// Negatives.

func download(c fiber.Ctx) error {
	return c.Download("./exports/report.csv")
}

func sendFileDownload(c fiber.Ctx) error {
	return c.SendFile("./exports/report.csv", fiber.SendFile{Download: true})
}

func sendFileConfigUnknown(c fiber.Ctx, cfg fiber.SendFile) error {
	return c.SendFile("./exports/report.csv", cfg)
}

func attachment(c fiber.Ctx) error {
	c.Attachment()
	c.Type("csv")
	return nil
}

func inlineTypes(c fiber.Ctx) error {
	c.Type("png")
	return c.SendFile("./docs/manual.pdf")
}

// Unescaped values.

func unescaped(c fiber.Ctx) error {
	name := c.Params("name")
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, name)) // want `Content-Disposition built with fmt.Sprintf from the file name name`
	return c.SendFile("./files/" + name)
}
