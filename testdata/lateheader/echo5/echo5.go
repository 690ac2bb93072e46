// Package echo5 holds lateheader's echo v5 cases.
package echo5

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v5"
)

type item struct{ ID string }

func find(id string) (item, error) {
	if id == "" {
		return item{}, errors.New("not found")
	}
	return item{ID: id}, nil
}

func Routes(e *echo.Echo) {
	e.GET("/items/:id", getItem)
}

// --- positives ---

func getItem(c *echo.Context) error {
	it, err := find(c.Param("id"))
	if err != nil {
		c.String(http.StatusNotFound, err.Error())
	}
	return c.JSON(http.StatusOK, it) // want `c.JSON writes to the response after c.String at line \d+, which completed the response and does not return`
}

func headerAfterJSON(c *echo.Context) error {
	c.JSON(http.StatusOK, item{})
	c.Response().Header().Set("X-Request-Id", "1") // want `header "X-Request-Id" is set after c.JSON at line \d+ sent the response header: echo sends`
	return nil
}

func twice(c *echo.Context) error {
	c.Response().WriteHeader(http.StatusOK)
	c.Response().WriteHeader(http.StatusAccepted) // want `status 202 is set after c.Response\(\).WriteHeader at line \d+ sent the response header: the status line is already sent, so echo drops this one and logs "echo: response already written to client"`
	return nil
}

func cookieAfterRedirect(c *echo.Context) error {
	c.Redirect(http.StatusFound, "/login")
	c.SetCookie(&http.Cookie{Name: "next", Value: "/items", Secure: true, HttpOnly: true}) // want `cookie "next" is set after c.Redirect`
	return nil
}

// --- negatives ---

func returns(c *echo.Context) error {
	it, err := find(c.Param("id"))
	if err != nil {
		return c.JSON(http.StatusNotFound, map[string]string{"error": err.Error()})
	}
	c.Response().Header().Set("Cache-Control", "private")
	return c.JSON(http.StatusOK, it)
}

func branches(c *echo.Context) error {
	if c.QueryParam("empty") != "" {
		return c.NoContent(http.StatusNoContent)
	}
	c.Response().Header().Set("X-Kind", "full")
	return c.String(http.StatusOK, "full")
}
