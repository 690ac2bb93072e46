// Package usehelpers calls the helpers package: downloads and
// Content-Disposition headers in helpers count for their callers, through
// facts.
package usehelpers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"

	"resplint.test/disposition/helpers"
)

func exportRows(w http.ResponseWriter, r *http.Request) {
	helpers.WriteCSV(w, nil) // want `response served as text/csv \(by helpers.WriteCSV\) without Content-Disposition`
}

func exportNamed(w http.ResponseWriter, r *http.Request) {
	helpers.Attachment(w, "rows.csv")
	helpers.WriteCSV(w, nil)
}

func serveExport(w http.ResponseWriter, r *http.Request) {
	helpers.ServeExport(w, r, "exports/"+r.PathValue("id")+".zip") // want `\.zip file served \(by helpers.ServeExport\) without`
}

func serveExportNamed(w http.ResponseWriter, r *http.Request) {
	helpers.Attachment(w, "export.zip")
	helpers.ServeExport(w, r, "exports/export.zip")
}

func serveInline(w http.ResponseWriter, r *http.Request) {
	helpers.ServeExport(w, r, "docs/manual.pdf")
}

func ginExport(c *gin.Context, b []byte) {
	helpers.GinDownload(c, "report.csv")
	c.Data(http.StatusOK, "text/csv", b)
}

func echoExport(c echo.Context, b []byte) error {
	return helpers.EchoBlob(c, "application/zip", b) // want `response served as application/zip \(by helpers.EchoBlob\) without`
}

func echoInline(c echo.Context, b []byte) error {
	return helpers.EchoBlob(c, "image/png", b)
}

func handBuilt(w http.ResponseWriter, r *http.Request) {
	helpers.Disposition(w, r.FormValue("name")) // want `Content-Disposition built by helpers.Disposition from the file name r.FormValue\("name"\) computed at run time`
	helpers.Disposition(w, "report.csv")
	helpers.Disposition(w, "report-"+strconv.Itoa(len(r.URL.Path))+".csv")
	helpers.TypedDisposition(w, "attachment", nil)
	helpers.WriteCSV(w, nil)
}

func builtByCaller(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	helpers.SetDisposition(w, "attachment; filename="+name) // want `Content-Disposition built with \+ from the file name name`
	helpers.WriteCSV(w, nil)
}

// Headers set through a helper that takes the header's name: the name is
// the caller's constant.
func namedByCaller(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	helpers.SetHeader(w, "Content-Type", "text/csv")
	helpers.SetHeader(w, "Content-Disposition", "attachment; filename="+name) // want `Content-Disposition built with \+ from the file name name computed`
	w.Write([]byte("a,b\n"))
}

func missingByCaller(w http.ResponseWriter, r *http.Request) {
	helpers.SetHeader(w, "Content-Type", "text/csv") // want `response served as text/csv \(by helpers.SetHeader\) without Content-Disposition`
	w.Write([]byte("a,b\n"))
}

func ginNamedByCaller(c *gin.Context) {
	helpers.GinHeader(c, "Content-Disposition", "attachment; filename="+c.Query("name")) // want `Content-Disposition built with \+ from the file name c.Query\("name"\) computed`
	c.Data(http.StatusOK, "text/csv", nil)
}

func echoNamedByCaller(c echo.Context) error {
	helpers.EchoHeader(c, "Content-Type", "application/zip") // want `response served as application/zip \(by helpers.EchoHeader\) without Content-Disposition`
	return c.Blob(http.StatusOK, "application/zip", nil)
}
