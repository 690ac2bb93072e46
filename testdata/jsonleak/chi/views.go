package chi

import (
	"net/http"

	"github.com/go-chi/render"

	"resplint.test/jsonleak/models"
)

// A response type filled by naming the secret field (PrivateKey:
// p.PrivateKey in models.NewPeerInfo) sends it on purpose; a stored
// model and a password hash copied into a view are still reported.

func copiedKey(w http.ResponseWriter, r *http.Request) {
	render.JSON(w, r, models.NewPeerInfo(get[*models.Peer]()))
	render.JSON(w, r, struct {
		Peer *models.PeerInfo `json:"peer"`
	}{models.NewPeerInfo(get[*models.Peer]())})
}

func storedSecrets(w http.ResponseWriter, r *http.Request) {
	render.JSON(w, r, get[*models.Peer]()) // want `secret field \*models.Peer → .PrivateKey as "private_key"`
	u := get[*models.User]()
	render.JSON(w, r, models.NewUserInfo(u)) // want `secret field models.UserInfo → .PasswordHash as "password_hash"`
}
