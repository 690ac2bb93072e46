package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest/httpx"

	"resplint.test/jsonleak/models"
)

// A response type filled by naming the secret field (PrivateKey:
// p.PrivateKey in models.NewPeerInfo) sends it on purpose; a stored
// model and a password hash copied into a view are still reported.

func copiedKey(w http.ResponseWriter, r *http.Request) {
	httpx.OkJsonCtx(r.Context(), w, models.NewPeerInfo(get[*models.Peer]()))
	httpx.OkJsonCtx(r.Context(), w, struct {
		Peer *models.PeerInfo `json:"peer"`
	}{models.NewPeerInfo(get[*models.Peer]())})
}

func storedSecrets(w http.ResponseWriter, r *http.Request) {
	httpx.OkJsonCtx(r.Context(), w, get[*models.Peer]()) // want `secret field \*models.Peer → .PrivateKey as "private_key"`
	u := get[*models.User]()
	httpx.OkJsonCtx(r.Context(), w, models.NewUserInfo(u)) // want `secret field models.UserInfo → .PasswordHash as "password_hash"`
}
