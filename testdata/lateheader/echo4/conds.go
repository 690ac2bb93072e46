package echo4

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// The same condition tested twice, nothing assigned in between: the
// error answer and the header are on exclusive paths.
func exclusiveBranches(c echo.Context) error {
	it, err := find(c.Param("id"))
	if err != nil {
		_ = c.JSON(http.StatusNotFound, echo.Map{"error": err.Error()})
	}
	if err == nil {
		c.Response().Header().Set("X-Item", it.ID)
		return c.JSON(http.StatusOK, it)
	}
	return nil
}

// Assigned in between, it may have changed.
func reassignedBetween(c echo.Context) error {
	it, err := find(c.Param("id"))
	if err != nil {
		_ = c.JSON(http.StatusNotFound, echo.Map{"error": err.Error()})
	}
	it, err = find(it.ID)
	if err == nil {
		c.Response().Header().Set("X-Item", it.ID) // want `header "X-Item" is set after c.JSON at line \d+, which completed the response and does not return`
	}
	return nil
}
