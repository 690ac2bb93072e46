// Package echo holds the inputs of disposition's suggested-fix golden tests
// for echo.
package echo

import (
	"net/http"

	echo4 "github.com/labstack/echo/v4"
	"github.com/labstack/echo/v5"
)

func echoFile(c echo4.Context) error {
	return c.File("exports/report.csv") // want `file "report.csv" served`
}

func echoBlob(c echo4.Context, b []byte) error {
	return c.Blob(http.StatusOK, "text/csv", b) // want "served as text/csv"
}

func echo5File(c *echo.Context, name string) error {
	return c.File("exports/" + name + ".xlsx") // want `\.xlsx file served`
}
