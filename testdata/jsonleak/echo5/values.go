package echo5

import (
	"net/http"

	"github.com/labstack/echo/v5"

	"resplint.test/jsonleak/models"
	"resplint.test/jsonleak/repo"
)

// What the value sent can hold: a secret cleared on one branch only is
// sent on the other; a repository's column-limited, nil or partial
// results, and a partial literal, hold no secret.

func clearedOnOneBranch(c *echo.Context, admin bool) error {
	u := load()
	if !admin {
		u.PasswordHash = ""
	}
	u.APIToken = ""
	c.JSON(http.StatusOK, u) // want `secret fields .*models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"`
	return nil
}

func emptyValues(c *echo.Context, users *repo.Users) error {
	u, err := users.Public(1)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, u)
	stub, _ := users.Stub(1)
	c.JSON(http.StatusOK, stub)
	full, _ := users.Full(1)
	clean := models.User{Email: full.Email}
	c.JSON(http.StatusOK, clean)
	c.JSON(http.StatusOK, users.Summary(1))
	return nil
}

// A form decoded from the request and written back sends the password the
// request carried; cleared first, it does not.
func echoRequest(c *echo.Context) error {
	var form models.ProfileForm
	if err := c.Bind(&form); err != nil {
		return err
	}
	c.JSON(http.StatusOK, form) // want `sends the secret field models.ProfileForm → .Password as "password" to the client, as the request sent it`
	form.Password = ""
	c.JSON(http.StatusOK, form)
	return nil
}
