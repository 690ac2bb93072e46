// Package gin holds the inputs of disposition's suggested-fix golden tests
// for gin.
package gin

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

func ginFile(c *gin.Context) {
	c.File("exports/report.csv") // want `file "report.csv" served`
}

func ginFilePath(c *gin.Context) {
	path := "exports/" + c.Param("id") + ".zip"
	c.File(path) // want `\.zip file served`
}

func ginReader(c *gin.Context, r io.Reader, n int64) {
	c.DataFromReader(http.StatusOK, n, "application/zip", r, nil) // want "served as application/zip"
}

func ginReaderHeaders(c *gin.Context, r io.Reader, n int64) {
	c.DataFromReader(http.StatusOK, n, "text/csv", r, map[string]string{ // want "served as text/csv"
		"Cache-Control": "no-store",
	})
}

func ginData(c *gin.Context, b []byte) {
	c.Data(http.StatusOK, "application/zip", b) // want "served as application/zip"
}
