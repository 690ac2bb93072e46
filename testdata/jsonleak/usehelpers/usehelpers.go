// Package usehelpers calls the helpers package: what they send is
// reported here, through facts.
package usehelpers

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"resplint.test/jsonleak/helpers"
	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func handler(w http.ResponseWriter, r *http.Request) {
	helpers.WriteJSON(w, http.StatusOK, []models.Account{}) // want `helpers.WriteJSON sends the secret field \[\]models.Account → .Salt`
	helpers.WriteJSON(w, http.StatusOK, get[models.Public]())
	wrapper(w, get[*models.Account]()) // want `usehelpers.wrapper sends the secret field \*models.Account → .Salt`
}

// Envelopes filled field by field carry the value given for the field.
func envelopes(w http.ResponseWriter, c *gin.Context) {
	helpers.ReturnSuccess(w, get[models.Account](), "ok") // want `helpers.ReturnSuccess sends the secret field models.Account → .Salt`
	helpers.ReturnSuccess(w, get[models.Public](), "ok")
	helpers.GinSuccess(c, get[*models.Account]()) // want `helpers.GinSuccess sends the secret field \*models.Account → .Salt`
	helpers.GinSuccess(c, get[models.Public]())
}

// wrapper passes its own parameter on: its callers see through both.
func wrapper(w http.ResponseWriter, v any) {
	helpers.WriteJSON(w, http.StatusOK, v)
}

func ginHandler(c *gin.Context) {
	helpers.WriteUser(c, get[*models.User]())
	users := get[[]models.User]()
	helpers.OkWithData(users, c)                     // want `helpers.OkWithData sends the secret fields \[\]models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"` `token field`
	helpers.Result(1, get[*models.Account](), "", c) // want `helpers.Result sends the secret field \*models.Account → .Salt`
	helpers.OkWithData(get[models.Public](), c)
	helpers.OkWithData(gin.H{"salt": users[0].Account.Salt}, c) // want `map sent as JSON by helpers.OkWithData has the secret key "salt"`
}

func envelope(c echo.Context) error {
	if c.QueryParam("none") != "" {
		return helpers.Success(c)
	}
	if c.QueryParam("public") != "" {
		return helpers.Success(c, get[models.Public]())
	}
	return helpers.Success(c, get[models.Account]()) // want `helpers.Success sends the secret field models.Account → .Salt`
}

func echoHandler(c echo.Context) error {
	if c.QueryParam("full") != "" {
		return helpers.OK(c, get[models.Account]()) // want `helpers.OK sends the secret field models.Account → .Salt`
	}
	return helpers.OK(c, get[models.Public]())
}

func fiberHandler(c *fiber.Ctx) error {
	return helpers.Marshal(c, get[models.UserSession]()) // want `helpers.Marshal sends the token field models.UserSession → .Token`
}
