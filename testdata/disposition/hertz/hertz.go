// Package hertz holds disposition cases for hertz handlers.
package hertz

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
)

func header(ctx context.Context, c *app.RequestContext) {
	c.Header("Content-Type", "text/csv; charset=utf-8") // want `response served as text/csv without Content-Disposition`
	c.String(http.StatusOK, "a,b\n")
}

func data(ctx context.Context, c *app.RequestContext, b []byte) {
	c.Data(http.StatusOK, "application/zip", b) // want `response served as application/zip without`
}

func contentType(ctx context.Context, c *app.RequestContext, r io.Reader) {
	c.SetContentType("application/x-tar") // want `response served as application/x-tar without`
	c.SetBodyStream(r, -1)
}

func responseHeader(ctx context.Context, c *app.RequestContext, b []byte) {
	c.Response.Header.Set("Content-Type", "application/gzip") // want `response served as application/gzip without`
	c.Write(b)
}

func file(ctx context.Context, c *app.RequestContext) {
	c.File("exports/report.csv") // want `file "report.csv" served without Content-Disposition: .*; serve it with FileAttachment`
}

func unescaped(ctx context.Context, c *app.RequestContext, b []byte) {
	name := c.Query("name")
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name)) // want `Content-Disposition built with fmt.Sprintf from the file name name computed`
	c.Data(http.StatusOK, "text/csv", b)
}

// Negatives.

func fileAttachment(ctx context.Context, c *app.RequestContext) {
	c.FileAttachment("exports/report.csv", "report.csv")
}

func explicit(ctx context.Context, c *app.RequestContext, b []byte) {
	c.Header("Content-Disposition", `attachment; filename="report.csv"`)
	c.Data(http.StatusOK, "text/csv", b)
}

func inline(ctx context.Context, c *app.RequestContext, b []byte) {
	c.Data(http.StatusOK, "application/pdf", b)
	c.File("static/logo.png")
}
