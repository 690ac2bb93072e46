package fiber2

import (
	"github.com/gofiber/fiber/v2"

	"resplint.test/jsonleak/models"
)

// result is an envelope the functions below return as a literal.
type result struct {
	OK   bool        `json:"ok"`
	Data interface{} `json:"data"`
}

func accountsResult() result {
	return result{OK: true, Data: get[[]models.Account]()}
}

// clearedResult blanks the salt of what it puts.
func clearedResult() result {
	a := get[models.Account]()
	a.Salt = nil
	return result{OK: true, Data: a}
}

func publicResult() result {
	return result{Data: models.Public{ID: 1}}
}

func returnedEnvelope(c *fiber.Ctx) error {
	if err := c.JSON(clearedResult()); err != nil {
		return err
	}
	if err := c.JSON(publicResult()); err != nil {
		return err
	}
	return c.JSON(accountsResult()) // want `c.JSON sends the secret field result → .Data\[i\].Salt as "salt"`
}
