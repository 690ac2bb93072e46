// Package echo5 holds disposition cases for echo v5 handlers.
package echo5

import (
	"encoding/csv"
	"io"
	"net/http"

	"github.com/labstack/echo/v5"
)

func blob(c *echo.Context, b []byte) error {
	return c.Blob(http.StatusOK, "application/vnd.ms-excel", b) // want `response served as application/vnd.ms-excel without Content-Disposition`
}

func stream(c *echo.Context, r io.Reader) error {
	return c.Stream(http.StatusOK, "application/x-tar", r) // want `response served as application/x-tar without`
}

func file(c *echo.Context) error {
	return c.File("exports/report.csv") // want `file "report.csv" served without .*serve it with Attachment`
}

func responseHeader(c *echo.Context) error {
	c.Response().Header().Set(echo.HeaderContentType, "application/vnd.oasis.opendocument.spreadsheet") // want `response served as application/vnd.oasis.opendocument.spreadsheet without`
	_, err := c.Response().Write(nil)
	return err
}

func csvWriter(c *echo.Context) error {
	w := csv.NewWriter(c.Response()) // want `CSV written to the response by csv.NewWriter without`
	w.Flush()
	return w.Error()
}

// Negatives.

func attachment(c *echo.Context) error {
	return c.Attachment("exports/report.csv", "report.csv")
}

func inline(c *echo.Context, name string) error {
	return c.Inline("exports/report.zip", name)
}

func explicit(c *echo.Context, r io.Reader) error {
	c.Response().Header().Set("Content-Disposition", "inline")
	return c.Stream(http.StatusOK, "text/csv", r)
}

func inlineTypes(c *echo.Context, b []byte) error {
	return c.Blob(http.StatusOK, "image/svg+xml", b)
}

// Unescaped values.

func unescaped(c *echo.Context) error {
	name := c.Param("name")
	c.Response().Header().Set(echo.HeaderContentDisposition, "attachment; filename=\""+name+".csv\"") // want `Content-Disposition built with \+ from the file name name`
	return c.File("files/" + name + ".csv")
}
