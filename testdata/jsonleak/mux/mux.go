// Package mux holds jsonleak cases for gorilla/mux handlers, which are
// net/http's.
package mux

import (
	"encoding/json"
	"net/http"

	"github.com/gorilla/mux"

	"resplint.test/jsonleak/models"
)

func Routes() http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/peers/{id}", peer).Methods(http.MethodGet)
	r.HandleFunc("/peers/{id}/stored", storedSecrets)
	return r
}

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

// A response type filled by naming the secret field sends it on purpose.
func peer(w http.ResponseWriter, r *http.Request) {
	_ = mux.Vars(r)["id"]
	json.NewEncoder(w).Encode(models.NewPeerInfo(get[*models.Peer]()))
}

func storedSecrets(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[*models.Peer]())                     // want `secret field \*models.Peer → .PrivateKey as "private_key"`
	json.NewEncoder(w).Encode(models.NewUserInfo(get[*models.User]())) // want `secret field models.UserInfo → .PasswordHash as "password_hash"`
}
