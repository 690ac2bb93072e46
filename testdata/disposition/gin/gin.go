// Package gin holds disposition cases for gin handlers.
package gin

import (
	"encoding/csv"
	"io"
	"net/http"
	"regexp"

	"github.com/gin-gonic/gin"
)

const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func header(c *gin.Context) {
	c.Header("Content-Type", "text/csv; charset=utf-8") // want `response served as text/csv without Content-Disposition`
	c.String(http.StatusOK, "a,b\n")
}

func data(c *gin.Context, b []byte) {
	c.Data(http.StatusOK, xlsx, b) // want `response served as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet without`
}

func dataFromReader(c *gin.Context, r io.Reader, n int64) {
	c.DataFromReader(http.StatusOK, n, "application/zip", r, nil) // want `response served as application/zip without`
}

func file(c *gin.Context) {
	c.File("exports/report.csv") // want `file "report.csv" served without Content-Disposition: browsers display it, or save it under a name taken from the URL; serve it with FileAttachment`
}

func csvWriter(c *gin.Context) {
	w := csv.NewWriter(c.Writer) // want `CSV written to the response by csv.NewWriter without`
	w.Write([]string{"a"})
	w.Flush()
}

func writerHeader(c *gin.Context) {
	c.Writer.Header().Set("Content-Type", "application/x-7z-compressed") // want `response served as application/x-7z-compressed without`
	c.Status(http.StatusOK)
}

func serveFile(c *gin.Context) {
	http.ServeFile(c.Writer, c.Request, "dump.tar") // want `file "dump.tar" served without`
}

func fileFromFS(c *gin.Context, fs http.FileSystem) {
	c.FileFromFS("exports/backup.zip", fs) // want `file "backup.zip" served without`
}

// Negatives.

func fileAttachment(c *gin.Context, name string) {
	c.FileAttachment("exports/report.csv", name)
}

func extraHeaders(c *gin.Context, r io.Reader, n int64, name string) {
	c.DataFromReader(http.StatusOK, n, "application/zip", r, map[string]string{
		"Content-Disposition": `attachment; filename="backup.zip"`,
	})
}

func extraHeadersVariable(c *gin.Context, r io.Reader, n int64) {
	extra := map[string]string{}
	extra["Content-Disposition"] = "attachment"
	c.DataFromReader(http.StatusOK, n, "text/csv", r, extra)
}

func extraHeadersUnknown(c *gin.Context, r io.Reader, n int64, extra map[string]string) {
	c.DataFromReader(http.StatusOK, n, "text/csv", r, extra)
}

func explicitHeader(c *gin.Context, b []byte) {
	c.Header("Content-Disposition", "attachment; filename=data.bin")
	c.Data(http.StatusOK, "application/octet-stream", b)
}

func inlineData(c *gin.Context, b []byte) {
	c.Data(http.StatusOK, "application/octet-stream", b) // not a download by default
	c.Data(http.StatusOK, "application/pdf", b)
	c.Data(http.StatusOK, "image/png", b)
	c.File("static/index.html")
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

// Unescaped values.

func unescaped(c *gin.Context) {
	name := c.Param("name")
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`) // want `Content-Disposition built with \+ from the file name name computed at run time`
	c.File("files/" + name)
}

func unescapedExtra(c *gin.Context, r io.Reader, n int64) {
	name := c.Query("name")
	c.DataFromReader(http.StatusOK, n, "text/csv", r, map[string]string{ // want `Content-Disposition built with \+ from the file name name`
		"Content-Disposition": "attachment; filename=" + name,
	})
}

// A variable reassigned through a sanitizer holds the sanitized name
// from there on.
func reassignedSanitized(c *gin.Context) {
	filename := c.Query("db")
	if t := c.Query("table"); t != "" {
		filename = filename + "_" + t
	}
	filename = sanitizeFilename(filename)
	c.Header("Content-Disposition", `attachment; filename="`+filename+`.sql.gz"`)
	c.Data(http.StatusOK, "application/gzip", nil)
}

var nameRe = regexp.MustCompile(`^[a-zA-Z0-9_\-.]+$`)

// A name that must match an allowlist of safe characters, else the
// handler returns.
func allowlisted(c *gin.Context) {
	filename := c.Request.Host + "_backup.db"
	if !nameRe.MatchString(filename) {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	c.Header("Content-Disposition", "attachment; filename="+filename)
	c.Data(http.StatusOK, "application/octet-stream", nil)
}

// Sanitized on one branch only: the other keeps the raw name.
func sanitizedOnOneBranch(c *gin.Context) {
	filename := c.Query("name")
	if c.Query("clean") != "" {
		filename = sanitizeFilename(filename)
	}
	c.Header("Content-Disposition", `attachment; filename="`+filename+`"`) // want `Content-Disposition built with \+ from the file name filename computed`
	c.Data(http.StatusOK, "text/csv", nil)
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
func filenameOnly(c *gin.Context) {
	c.Header("Content-Disposition", `filename="`+c.Query("name")+`"`) // want `Content-Disposition built with \+ from the file name c.Query\("name"\) computed`
	c.Data(http.StatusOK, "text/csv", nil)
}
