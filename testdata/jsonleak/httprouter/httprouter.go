// Package httprouter holds jsonleak cases for httprouter handlers.
package httprouter

import (
	"encoding/json"
	"net/http"

	"github.com/julienschmidt/httprouter"

	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func show(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	json.NewEncoder(w).Encode(get[*models.Account]()) // want `json.NewEncoder\(w\).Encode sends the secret field \*models.Account → .Salt`
}

func marshal(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	b, _ := json.Marshal(get[models.User]())
	w.Write(b) // want `w.Write of json.Marshal output sends the secret fields models.User → .PasswordHash` `sends the token field models.User → .APIToken`
}

func negatives(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	u := get[*models.User]()
	json.NewEncoder(w).Encode(models.Public{ID: u.ID, Email: u.Email})
}
