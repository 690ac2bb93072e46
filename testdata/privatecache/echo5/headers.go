package echo5

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

// Identity from request headers. A credential header the client adds
// itself (X-Api-Key) is never sent by a browser on its own: missing does
// not apply, public and validators do. A header that an authenticating
// proxy sets from its session (X-Forwarded-User) counts as the session.

func apiKey(c *echo.Context) error {
	return c.JSON(http.StatusOK, c.Request().Header.Get("X-Api-Key"))
}

func apiKeyPublic(c *echo.Context) error {
	c.Response().Header().Set("Cache-Control", "public, max-age=60") // want `handler reads the X-Api-Key header but sets Cache-Control "public, max-age=60"`
	return c.JSON(http.StatusOK, c.Request().Header.Get("X-Api-Key"))
}

func apiKeyFile(c *echo.Context) error {
	return c.File("files/" + c.Request().Header.Get("Api-Token")) // want `handler reads the Api-Token header and serves this response with validators`
}

func proxyUser(c *echo.Context) error {
	return c.JSON(http.StatusOK, c.Request().Header.Get("X-Forwarded-User")) // want `handler reads the X-Forwarded-User header but writes this response without Cache-Control private or no-store`
}

func csrfHeader(c *echo.Context) error {
	return c.JSON(http.StatusOK, c.Request().Header.Get("X-Csrf-Token"))
}

// Middleware that reads the user from a credential header: the handlers
// behind it that read the user it stores are judged as header reads.

func keyAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error {
		key := c.Request().Header.Get("X-Gotify-Key")
		if key == "" {
			return c.NoContent(http.StatusUnauthorized)
		}
		c.Set("user", key)
		return next(c)
	}
}

func keyed(c *echo.Context) error { return c.JSON(http.StatusOK, c.Get("user")) }

func keyedFile(c *echo.Context) error {
	return c.File(c.Get("user").(string) + ".csv") // want `handler reads the request value "user" and serves this response with validators`
}

func cookied(c *echo.Context) error { return c.JSON(http.StatusOK, c.Get("user")) }

// A qualified no-cache on a page served only for POST: its response is
// not stored.
func flash(c *echo.Context) error {
	_, _ = c.Cookie("session")
	c.Response().Header().Set("Cache-Control", `no-cache="Set-Cookie"`)
	return c.String(http.StatusOK, "saved")
}

func flashPage(c *echo.Context) error {
	_, _ = c.Cookie("session")
	c.Response().Header().Set("Cache-Control", `no-cache="Set-Cookie"`) // want `handler reads the cookie "session" but sets Cache-Control "no-cache=\\"Set-Cookie\\"", without private or no-store`
	return c.String(http.StatusOK, "saved")
}

// A credential in the query or a form (?api_key=) is in the cache key,
// or in a POST body: only public applies, to the handler and behind
// middleware that reads it.

func apiKeyParam(c *echo.Context) error {
	return c.File("files/" + c.QueryParam("api_key"))
}

func apiKeyParamPublic(c *echo.Context) error {
	c.Response().Header().Set("Cache-Control", "public, max-age=60") // want `handler reads the query or form value "api_key" but sets Cache-Control "public, max-age=60"`
	return c.JSON(http.StatusOK, c.FormValue("api_key"))
}

func queryAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error {
		c.Set("user", c.QueryParam("token"))
		return next(c)
	}
}

func queried(c *echo.Context) error { return c.JSON(http.StatusOK, c.Get("user")) }

// Whatever the parameter's name, middleware that finds the user it
// stores in the query finds it in the URL.
func queryAccess(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error {
		qat := c.QueryParam("qat")
		if qat == "" {
			return c.NoContent(http.StatusUnauthorized)
		}
		c.Set("user", "u-"+qat)
		return next(c)
	}
}

func headerRoutes() *echo.Echo {
	e := echo.New()
	keys := e.Group("/keys", keyAuth)
	keys.GET("/me", keyed)
	keys.GET("/export", keyedFile)
	cookies := e.Group("/cookies", sessionAuth) // want `echo5.cookied reads the request value "user" but the responses of its route "GET /me" carry no Cache-Control private or no-store`
	cookies.GET("/me", cookied)
	e.Group("/query", queryAuth).GET("/me", queried)
	e.Group("/qat", queryAccess).GET("/me", queried)
	e.POST("/flash", flash)
	e.GET("/flash", flashPage)
	return e
}
