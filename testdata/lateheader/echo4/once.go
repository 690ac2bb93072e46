package echo4

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// The status is written once, under a first-time flag, before the first
// write of the loop: never late.
func streamOnce(c echo.Context, chunks <-chan []byte) error {
	committed := false
	for b := range chunks {
		if !committed {
			c.Response().Header().Set("X-Stream", c.QueryParam("s"))
			c.Response().WriteHeader(http.StatusAccepted)
			committed = true
		}
		if _, err := c.Response().Write(b); err != nil {
			return err
		}
	}
	return nil
}
