// Package helpers sets download headers for its callers in other packages.
package helpers

import (
	"encoding/csv"
	"mime"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

// Attachment marks the response as a download named name.
func Attachment(w http.ResponseWriter, name string) {
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
}

// WriteCSV writes rows as CSV, leaving Content-Disposition to its caller.
func WriteCSV(w http.ResponseWriter, rows [][]string) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	return csv.NewWriter(w).WriteAll(rows)
}

// ServeExport serves a file its caller names.
func ServeExport(w http.ResponseWriter, r *http.Request, path string) {
	http.ServeFile(w, r, path)
}

// GinDownload names the download of a gin response.
func GinDownload(c *gin.Context, name string) {
	c.Header("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
}

// EchoBlob sends data of the given type.
func EchoBlob(c echo.Context, contentType string, data []byte) error {
	return c.Blob(http.StatusOK, contentType, data)
}

// Disposition builds the header by hand from a name its callers give:
// reported at calls that pass a raw name.
func Disposition(w http.ResponseWriter, name string) {
	w.Header().Set("Content-Disposition", "attachment; filename="+name)
}

// TypedDisposition builds the header from a raw name of its own:
// reported here, not at its callers.
func TypedDisposition(w http.ResponseWriter, typ string, f *os.File) {
	w.Header().Set("Content-Disposition", typ+"; filename="+f.Name()) // want `Content-Disposition built with \+ from the file name f.Name\(\)`
}

// SetDisposition sets the value its caller builds.
func SetDisposition(w http.ResponseWriter, value string) {
	w.Header().Set("Content-Disposition", value)
}

// SetHeader sets the header its caller names.
func SetHeader(w http.ResponseWriter, key, value string) {
	w.Header().Set(key, value)
}

// GinHeader sets the header its caller names, in gin.
func GinHeader(c *gin.Context, key, value string) {
	c.Header(key, value)
}

// EchoHeader sets the header its caller names, in echo.
func EchoHeader(c echo.Context, key, value string) {
	c.Response().Header().Set(key, value)
}
