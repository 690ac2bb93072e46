package echo4

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"resplint.test/jsonleak/models"
)

// result is the envelope wrap writes.
type result struct {
	OK   bool `json:"ok"`
	Data any  `json:"data"`
}

// wrap writes what the handler returns in an envelope it fills by
// assignment.
func wrap(h func(c echo.Context) (any, error)) echo.HandlerFunc {
	return func(c echo.Context) error {
		data, err := h(c)
		if err != nil {
			return err
		}
		var res result
		res.OK = true
		res.Data = data
		return c.JSON(http.StatusOK, res)
	}
}

func accounts(c echo.Context) (any, error) {
	accs := get[[]models.Account]()
	return accs, nil
}

func publicUsers(c echo.Context) (any, error) {
	return get[[]models.Public](), nil
}

func wrappedRoutes(e *echo.Echo) {
	e.GET("/accounts", wrap(accounts)) // want `echo4.wrap sends the secret field \[\]models.Account → .Salt`
	e.GET("/users", wrap(publicUsers))
}
