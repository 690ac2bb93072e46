package echo4

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// A user stored under an unexported key by middleware alone: a route
// without that middleware reads no one.

const viewerKey = "viewer"

func viewerAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		sid, err := c.Cookie("session")
		if err != nil {
			return c.NoContent(http.StatusUnauthorized)
		}
		c.Set(viewerKey, sid.Value)
		return next(c)
	}
}

func viewerPage(c echo.Context) error { return c.JSON(http.StatusOK, c.Get(viewerKey)) }
func seoPage(c echo.Context) error    { return c.JSON(http.StatusOK, c.Get(viewerKey)) }

// Also stored outside middleware: no route is known to lack it.

const accountKey = "account"

func accountAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		setAccount(c)
		return next(c)
	}
}

func setAccount(c echo.Context) { c.Set(accountKey, c.QueryParam("a")) }

func accountPage(c echo.Context) error { return c.JSON(http.StatusOK, c.Get(accountKey)) }

func keyRoutes() *echo.Echo {
	e := echo.New()
	signed := e.Group("/signed", viewerAuth) // want `echo4.viewerPage reads the request value "viewer" but the responses of its route "GET /me" carry no Cache-Control private or no-store`
	signed.GET("/me", viewerPage)
	seo := e.Group("/seo")
	seo.GET("/page", seoPage)
	acct := e.Group("/acct") // want `echo4.accountPage reads the request value "account" but the responses of its route "GET /me"`
	acct.GET("/me", accountPage)
	return e
}
