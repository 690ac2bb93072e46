package echo4 // want package:`stores .*echo4\.viewerKey \(middleware\)`

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Middleware put in use by a function the router is handed to.

func useNoStore(e *echo.Echo) { e.Use(noStore) }
func useNothing(e *echo.Echo) {}

func helperCovered(c echo.Context) error { return c.JSON(http.StatusOK, c.Get("user")) }
func helperOpen(c echo.Context) error    { return c.JSON(http.StatusOK, c.Get("user")) }

// Middleware made from a configuration whose function finds the user.

type authConfig struct {
	ParseUser func(c echo.Context) (string, error)
}

func authWith(cfg authConfig) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			u, err := cfg.ParseUser(c)
			if err != nil {
				return c.NoContent(http.StatusUnauthorized)
			}
			c.Set("user", u)
			return next(c)
		}
	}
}

func bearerUser(c echo.Context) (string, error) { return c.Request().Header.Get("Authorization"), nil }

func sessionUser(c echo.Context) (string, error) {
	k, err := c.Cookie("session")
	if err != nil {
		return "", err
	}
	return k.Value, nil
}

func configBearer(c echo.Context) error  { return c.JSON(http.StatusOK, c.Get("user")) }
func configSession(c echo.Context) error { return c.JSON(http.StatusOK, c.Get("user")) }

func configRoutes() {
	covered := echo.New()
	useNoStore(covered)
	covered.GET("/me", helperCovered)
	open := echo.New() // want `echo4.helperOpen reads the request value "user" but the responses of its route "GET /me"`
	useNothing(open)
	open.GET("/me", helperOpen)

	bearer := echo.New()
	bearer.Use(authWith(authConfig{ParseUser: bearerUser}))
	bearer.GET("/me", configBearer)
	session := echo.New() // want `echo4.configSession reads the request value "user" but the responses of its route "GET /me"`
	session.Use(authWith(authConfig{ParseUser: sessionUser}))
	session.GET("/me", configSession)
}
