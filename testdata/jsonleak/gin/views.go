package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"resplint.test/jsonleak/models"
)

// A response type filled by naming the secret field (PrivateKey:
// p.PrivateKey in models.NewPeerInfo) sends it on purpose; a stored
// model and a password hash copied into a view are still reported.

func copiedKey(c *gin.Context) {
	c.JSON(http.StatusOK, models.NewPeerInfo(get[*models.Peer]()))
	c.JSON(http.StatusOK, struct {
		Peer *models.PeerInfo `json:"peer"`
	}{models.NewPeerInfo(get[*models.Peer]())})
}

func storedSecrets(c *gin.Context) {
	c.JSON(http.StatusOK, get[*models.Peer]()) // want `secret field \*models.Peer → .PrivateKey as "private_key"`
	u := get[*models.User]()
	c.JSON(http.StatusOK, models.NewUserInfo(u)) // want `secret field models.UserInfo → .PasswordHash as "password_hash"`
}
