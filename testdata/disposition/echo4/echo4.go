// Package echo4 holds disposition cases for echo v4 handlers.
package echo4

import (
	"encoding/csv"
	"fmt"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
)

func blob(c echo.Context, b []byte) error {
	return c.Blob(http.StatusOK, "text/csv", b) // want `response served as text/csv without Content-Disposition`
}

const mimeZip = "application/zip"

func stream(c echo.Context, r io.Reader) error {
	return c.Stream(http.StatusOK, mimeZip, r) // want `response served as application/zip without`
}

func file(c echo.Context) error {
	return c.File("exports/report.xlsx") // want `file "report.xlsx" served without Content-Disposition: browsers display it, or save it under a name taken from the URL; serve it with Attachment`
}

func responseHeader(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderContentType, "text/csv") // want `response served as text/csv without`
	w := csv.NewWriter(c.Response())
	w.Write([]string{"a"})
	w.Flush()
	return nil
}

func csvWriter(c echo.Context) error {
	w := csv.NewWriter(c.Response().Writer) // want `CSV written to the response by csv.NewWriter without`
	w.Flush()
	return w.Error()
}

// Negatives.

func attachment(c echo.Context, name string) error {
	return c.Attachment("exports/report.xlsx", name)
}

func inline(c echo.Context) error {
	return c.Inline("exports/report.csv", "report.csv")
}

func explicit(c echo.Context, b []byte) error {
	c.Response().Header().Set(echo.HeaderContentDisposition, "attachment; filename=report.csv")
	return c.Blob(http.StatusOK, "text/csv", b)
}

func inlineTypes(c echo.Context, b []byte) error {
	if len(b) == 1 {
		return c.Blob(http.StatusOK, echo.MIMEOctetStream, b) // not a download by default
	}
	if len(b) == 0 {
		return c.File("static/index.html")
	}
	return c.Blob(http.StatusOK, "application/pdf", b)
}

// Unescaped values.

func unescaped(c echo.Context) error {
	name := c.QueryParam("name")
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf("attachment; filename=%s", name)) // want `Content-Disposition built with fmt.Sprintf from the file name name`
	return c.File("files/" + name)
}

// A variable reassigned through a sanitizer holds the sanitized name
// from there on.
func reassignedSanitized(c echo.Context) error {
	filename := c.QueryParam("db")
	if t := c.QueryParam("table"); t != "" {
		filename = filename + "_" + t
	}
	filename = sanitizeFilename(filename)
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s.sql.gz"`, filename))
	return c.Blob(http.StatusOK, "application/gzip", nil)
}

// Sanitized on one branch only: the other keeps the raw name.
func sanitizedOnOneBranch(c echo.Context) error {
	filename := c.QueryParam("name")
	if c.QueryParam("clean") != "" {
		filename = sanitizeFilename(filename)
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, filename)) // want `Content-Disposition built with fmt.Sprintf from the file name filename computed`
	return c.Blob(http.StatusOK, "text/csv", nil)
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
func filenameOnly(c echo.Context) error {
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf(`filename="%s"`, c.QueryParam("name"))) // want `Content-Disposition built with fmt.Sprintf from the file name c.QueryParam\("name"\) computed`
	return c.Blob(http.StatusOK, "text/csv", nil)
}
