package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"resplint.test/jsonleak/envelopes"
	"resplint.test/jsonleak/models"
	"resplint.test/jsonleak/repo"
)

// userList builds the envelope it returns: what it puts in Data, on any
// path, is sent by its callers.
func userList(failed bool) *envelope {
	body := envelope{Code: 0}
	accounts := get[[]*models.Account]()
	if failed {
		body.Code = 1
		return &body
	}
	body.Data = map[string]interface{}{"domain": "example.com", "userList": accounts}
	return &body
}

// publicUser clears the secrets of the user it puts.
func publicUser() *envelope {
	u := get[*models.User]()
	u.PasswordHash = ""
	u.APIToken = ""
	u.Account = nil
	body := envelope{}
	body.Data = u
	return &body
}

func returnedEnvelope(c *gin.Context) {
	c.JSON(http.StatusOK, userList(false)) // want `c.JSON sends the secret field \*envelope → .Data\["userList"\]\[i\].Salt as "salt"`
	c.JSON(http.StatusOK, publicUser())
}

func returnedByOtherPackage(c *gin.Context, users *repo.Users) {
	c.JSON(http.StatusOK, envelopes.UserList(false))             // want `c.JSON sends the secret field \*envelopes.Response → .Data\["userList"\]\[i\].Salt as "salt"`
	c.JSON(http.StatusOK, envelopes.Accounts())                  // want `c.JSON sends the secret field envelopes.Response → .Data\[i\].Salt as "salt"`
	c.JSON(http.StatusOK, envelopes.Wrap(get[models.Account]())) // want `c.JSON sends the secret field models.Account → .Salt as "salt"`
	c.JSON(http.StatusOK, envelopes.Wrap(get[models.Public]()))
	c.JSON(http.StatusOK, envelopes.Public())
	c.JSON(http.StatusOK, envelopes.Failure(nil))
	c.JSON(http.StatusOK, envelopes.Cleared())
	c.JSON(http.StatusOK, envelopes.Loaded(users, 1))
	c.JSON(http.StatusOK, envelopes.Empty())
}
