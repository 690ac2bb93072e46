// Package fiber2 holds disposition cases for fiber v2 handlers.
package fiber2

import (
	"encoding/csv"

	"github.com/gofiber/fiber/v2"
)

func typ(c *fiber.Ctx) error {
	c.Type("csv") // want `response served as text/csv without Content-Disposition`
	return c.SendString("a,b\n")
}

func set(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, "application/gzip") // want `response served as application/gzip without`
	return c.Send(nil)
}

func sendFile(c *fiber.Ctx) error {
	return c.SendFile("./exports/report.zip") // want `file "report.zip" served without .*serve it with Download`
}

func fasthttpHeader(c *fiber.Ctx) error {
	c.Response().Header.SetContentType("application/zip") // want `response served as application/zip without`
	return nil
}

func requestCtx(c *fiber.Ctx) error {
	c.Context().SetContentType("text/csv") // want `response served as text/csv without`
	return nil
}

func csvWriter(c *fiber.Ctx) error {
	w := csv.NewWriter(c) // want `CSV written to the response by csv.NewWriter without`
	w.Flush()
	return w.Error()
}

func typeWithCharset(c *fiber.Ctx) error {
	c.Type("tsv", "utf-8") // want `response served as text/tab-separated-values without`
	return nil
}

// Negatives.

func download(c *fiber.Ctx) error {
	return c.Download("./exports/report.zip", "report.zip")
}

func attachmentThenType(c *fiber.Ctx) error {
	c.Attachment()
	c.Type("csv")
	return c.SendString("a,b\n")
}

func attachmentName(c *fiber.Ctx, b []byte) error {
	c.Attachment("report.xlsx")
	return c.Send(b)
}

func explicit(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentDisposition, "attachment; filename=report.csv")
	return c.SendFile("./exports/report.csv")
}

func octetStream(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMEOctetStream) // not a download by default
	return c.Send(nil)
}

func requestHeader(c *fiber.Ctx) error {
	c.Request().Header.SetContentType("text/csv")
	c.Type("pdf")
	return c.SendFile("./static/index.html")
}

// Unescaped values.

func unescaped(c *fiber.Ctx) error {
	name := c.Query("name")
	c.Set(fiber.HeaderContentDisposition, "attachment; filename="+name) // want `Content-Disposition built with \+ from the file name name`
	return c.SendFile("./files/" + name)
}

// A variable reassigned through a sanitizer holds the sanitized name
// from there on.
func reassignedSanitized(c *fiber.Ctx) error {
	filename := c.Query("db")
	if t := c.Query("table"); t != "" {
		filename = filename + "_" + t
	}
	filename = sanitizeFilename(filename)
	c.Set(fiber.HeaderContentDisposition, "attachment; filename="+filename+".sql.gz")
	return c.Send(nil)
}

// Sanitized on one branch only: the other keeps the raw name.
func sanitizedOnOneBranch(c *fiber.Ctx) error {
	filename := c.Query("name")
	if c.Query("clean") != "" {
		filename = sanitizeFilename(filename)
	}
	c.Set(fiber.HeaderContentDisposition, "attachment; filename="+filename) // want `Content-Disposition built with \+ from the file name filename computed`
	return c.Send(nil)
}

func sanitizeFilename(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c < ' ' || c > '~' || c == '"' || c == '\\' || c == ';' {
			b[i] = '_'
		}
	}
	return string(b)
}

// A filename without a disposition type is still a filename.
func filenameOnly(c *fiber.Ctx) error {
	c.Set("Content-Disposition", `filename="`+c.Query("name")+`"`) // want `Content-Disposition built with \+ from the file name c.Query\("name"\) computed`
	return c.SendString("a,b")
}
