package echo4

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"resplint.test/jsonleak/models"
)

// accountsResp fills the envelope it returns field by field.
func accountsResp() *okResp {
	resp := &okResp{}
	resp.Data = get[[]models.Account]()
	return resp
}

// failedResp fills it only with a message, on the error path.
func failedResp(err error) *okResp {
	var resp okResp
	if err != nil {
		resp.Data = err.Error()
		return &resp
	}
	return &resp
}

func returnedEnvelope(c echo.Context) error {
	if err := c.JSON(http.StatusOK, failedResp(nil)); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, accountsResp()) // want `c.JSON sends the secret field \*okResp → .Data\[i\].Salt as "salt"`
}
