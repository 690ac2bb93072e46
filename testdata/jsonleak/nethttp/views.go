package nethttp

import (
	"encoding/json"
	"net/http"
	"resplint.test/jsonleak/models"
)

// A response type filled by naming the secret field (PrivateKey:
// p.PrivateKey in models.NewPeerInfo) sends it on purpose; a stored
// model and a password hash copied into a view are still reported.

func copiedKey(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(models.NewPeerInfo(get[*models.Peer]()))
	json.NewEncoder(w).Encode(struct {
		Peer *models.PeerInfo `json:"peer"`
	}{models.NewPeerInfo(get[*models.Peer]())})
	json.NewEncoder(w).Encode(models.NewAccountInfo(get[*models.User](), true))
}

func storedSecrets(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[*models.Peer]()) // want `secret field \*models.Peer → .PrivateKey as "private_key"`
	u := get[*models.User]()
	json.NewEncoder(w).Encode(models.NewUserInfo(u)) // want `secret field models.UserInfo → .PasswordHash as "password_hash"`
}
