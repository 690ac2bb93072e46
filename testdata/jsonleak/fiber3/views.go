package fiber3

import (
	"github.com/gofiber/fiber/v3"

	"resplint.test/jsonleak/models"
)

// A response type filled by naming the secret field (PrivateKey:
// p.PrivateKey in models.NewPeerInfo) sends it on purpose; a stored
// model and a password hash copied into a view are still reported.

func copiedKey(c fiber.Ctx) error {
	c.JSON(models.NewPeerInfo(get[*models.Peer]()))
	c.JSON(struct {
		Peer *models.PeerInfo `json:"peer"`
	}{models.NewPeerInfo(get[*models.Peer]())})
	return nil
}

func storedSecrets(c fiber.Ctx) error {
	c.JSON(get[*models.Peer]()) // want `secret field \*models.Peer → .PrivateKey as "private_key"`
	u := get[*models.User]()
	c.JSON(models.NewUserInfo(u)) // want `secret field models.UserInfo → .PasswordHash as "password_hash"`
	return nil
}
