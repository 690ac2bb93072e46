package echo4

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"resplint.test/jsonleak/models"
)

// A response type filled by naming the secret field (PrivateKey:
// p.PrivateKey in models.NewPeerInfo) sends it on purpose; a stored
// model and a password hash copied into a view are still reported.

func copiedKey(c echo.Context) error {
	c.JSON(http.StatusOK, models.NewPeerInfo(get[*models.Peer]()))
	c.JSON(http.StatusOK, struct {
		Peer *models.PeerInfo `json:"peer"`
	}{models.NewPeerInfo(get[*models.Peer]())})
	return nil
}

func storedSecrets(c echo.Context) error {
	c.JSON(http.StatusOK, get[*models.Peer]()) // want `secret field \*models.Peer → .PrivateKey as "private_key"`
	u := get[*models.User]()
	c.JSON(http.StatusOK, models.NewUserInfo(u)) // want `secret field models.UserInfo → .PasswordHash as "password_hash"`
	return nil
}

// A password field that only describes the credential (its ID and
// timestamps) cannot hold it; one that holds its hash can.
func credentials(c echo.Context) error {
	_ = c.JSON(http.StatusOK, get[[]models.UserAdminView]())
	return c.JSON(http.StatusOK, get[models.UserExport]()) // want `secret field models.UserExport → .Password as "password"`
}
