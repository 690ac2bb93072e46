// Package hertz holds jsonleak cases for hertz handlers.
package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/common/utils"

	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func show(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusOK, get[*models.User]()) // want `c.JSON sends the secret fields \*models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"` `c.JSON sends the token field`
}

func everyJSONMethod(ctx context.Context, c *app.RequestContext) {
	a := get[*models.Account]()
	c.PureJSON(http.StatusOK, a)            // want `c.PureJSON sends the secret field \*models.Account → .Salt`
	c.IndentedJSON(http.StatusOK, a)        // want `c.IndentedJSON sends the secret field`
	c.AbortWithStatusJSON(http.StatusOK, a) // want `c.AbortWithStatusJSON sends the secret field`
}

func handBuilt(ctx context.Context, c *app.RequestContext) {
	u := get[*models.User]()
	c.JSON(http.StatusOK, utils.H{"email": u.Email, "password_hash": u.PasswordHash}) // want `has the secret key "password_hash"`
}

func negatives(ctx context.Context, c *app.RequestContext) {
	u := get[*models.User]()
	c.JSON(http.StatusOK, models.Public{ID: u.ID, Email: u.Email})
	c.JSON(http.StatusOK, utils.H{"email": u.Email})
	c.JSON(http.StatusOK, get[models.LoginResponse]())
}
