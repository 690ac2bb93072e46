// Package echo4 holds lateheader's echo v4 cases.
package echo4

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
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

func getItem(c echo.Context) error {
	it, err := find(c.Param("id"))
	if err != nil {
		c.JSON(http.StatusNotFound, map[string]string{"error": err.Error()})
	}
	return c.JSON(http.StatusOK, it) // want `c.JSON writes to the response after c.JSON at line \d+, which completed the response and does not return: the output is appended to that response; return after c.JSON`
}

func headerAfterJSON(c echo.Context) error {
	c.JSON(http.StatusOK, item{})
	c.Response().Header().Set("X-Request-Id", "1") // want `header "X-Request-Id" is set after c.JSON at line \d+ sent the response header: echo sends the header with the first write or WriteHeader and ignores later changes`
	return nil
}

func headerAfterWriteHeader(c echo.Context) error {
	c.Response().WriteHeader(http.StatusCreated)
	c.Response().Header().Set("Location", "/items/1") // want `header "Location" is set after c.Response\(\).WriteHeader`
	return c.JSON(http.StatusCreated, item{ID: "1"})
}

func twice(c echo.Context) error {
	c.Response().WriteHeader(http.StatusOK)
	c.Response().WriteHeader(http.StatusAccepted) // want `status 202 is set after c.Response\(\).WriteHeader at line \d+ sent the response header: the status line is already sent, so echo drops this one and logs "response already committed"`
	return nil
}

func cookieAfterNoContent(c echo.Context) error {
	c.NoContent(http.StatusNoContent)
	c.SetCookie(&http.Cookie{Name: "seen", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "seen" is set after c.NoContent`
	return nil
}

func afterFprintf(c echo.Context) error {
	fmt.Fprintf(c.Response(), "partial")
	return c.String(http.StatusInternalServerError, "failed") // want `c.String writes to the response after fmt.Fprintf at line \d+ sent the response header: its status and headers are dropped`
}

// --- negatives ---

func returns(c echo.Context) error {
	it, err := find(c.Param("id"))
	if err != nil {
		return c.JSON(http.StatusNotFound, map[string]string{"error": err.Error()})
	}
	c.Response().Header().Set("Cache-Control", "private")
	return c.JSON(http.StatusOK, it)
}

func before(c echo.Context) error {
	c.Response().Before(func() {
		c.Response().Header().Set("X-Before", "1")
	})
	return c.String(http.StatusOK, "ok")
}

func branches(c echo.Context) error {
	if c.QueryParam("head") != "" {
		c.Response().Header().Set("Content-Length", "0")
		return nil
	}
	return c.Blob(http.StatusOK, "application/octet-stream", []byte{1})
}

// Server-sent events: each event sets the Content-Type already sent; a
// header that changes per event is dropped.
func echoEvents(c echo.Context) error {
	for i := 0; i < 3; i++ {
		c.Response().Header().Set("Content-Type", "text/event-stream")
		c.Response().Header().Set("X-Event", c.QueryParam("e")) // want `header "X-Event" is set after`
		c.Response().Write([]byte("data: tick\n\n"))
		c.Response().Flush()
	}
	return nil
}
