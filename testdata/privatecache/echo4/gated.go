package echo4

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Handlers that read no identity, behind middleware that does.

func sessionAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := c.Cookie("session"); err != nil {
			return c.NoContent(http.StatusUnauthorized)
		}
		return next(c)
	}
}

func download(c echo.Context) error {
	return c.Attachment(c.QueryParam("path"), "report.csv") // want `handler reads the user through middleware on its route and serves this response with validators`
}

func openDownload(c echo.Context) error { return c.File(c.QueryParam("path")) }

func storedDownload(c echo.Context) error { return c.File(c.QueryParam("path")) }

func page(c echo.Context) error { return c.File("web/index.html") }

func gated() *echo.Echo {
	e := echo.New()
	admin := e.Group("/admin")
	admin.Use(sessionAuth)
	admin.GET("/download", download)
	admin.GET("/", page) // the application's own page: the same for every user

	e.GET("/public/download", openDownload) // no middleware identifies anyone

	stored := e.Group("/stored", sessionAuth, noStore)
	stored.GET("/download", storedDownload)
	return e
}
