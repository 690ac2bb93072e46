package fiber2

import (
	"github.com/gofiber/fiber/v2"

	"resplint.test/jsonleak/models"
	"resplint.test/jsonleak/repo"
)

// What the value sent can hold: a secret cleared on one branch only is
// sent on the other; a repository's column-limited, nil or partial
// results, and a partial literal, hold no secret.

func clearedOnOneBranch(c *fiber.Ctx, admin bool) error {
	u := load()
	if !admin {
		u.PasswordHash = ""
	}
	u.APIToken = ""
	c.JSON(u) // want `secret fields .*models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"`
	return nil
}

func emptyValues(c *fiber.Ctx, users *repo.Users) error {
	u, err := users.Public(1)
	if err != nil {
		return err
	}
	c.JSON(u)
	stub, _ := users.Stub(1)
	c.JSON(stub)
	full, _ := users.Full(1)
	clean := models.User{Email: full.Email}
	c.JSON(clean)
	c.JSON(users.Summary(1))
	return nil
}

// A form decoded from the request and written back sends the password the
// request carried; cleared first, it does not.
func echoRequest(c *fiber.Ctx) error {
	var form models.ProfileForm
	if err := c.BodyParser(&form); err != nil {
		return err
	}
	c.JSON(form) // want `sends the secret field models.ProfileForm → .Password as "password" to the client, as the request sent it`
	form.Password = ""
	c.JSON(form)
	return nil
}
