// Package gozero holds jsonleak cases for go-zero's httpx writers.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest/httpx"

	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func show(w http.ResponseWriter, r *http.Request) {
	httpx.OkJsonCtx(r.Context(), w, get[*models.User]()) // want `httpx.OkJsonCtx sends the secret fields \*models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"` `httpx.OkJsonCtx sends the token field`
}

func everyWriter(w http.ResponseWriter, r *http.Request) {
	a := get[*models.Account]()
	httpx.OkJson(w, a)                                   // want `httpx.OkJson sends the secret field \*models.Account → .Salt`
	httpx.WriteJson(w, http.StatusOK, a)                 // want `httpx.WriteJson sends the secret field`
	httpx.WriteJsonCtx(r.Context(), w, http.StatusOK, a) // want `httpx.WriteJsonCtx sends the secret field`
}

func handBuilt(w http.ResponseWriter, r *http.Request) {
	u := get[*models.User]()
	httpx.OkJson(w, map[string]any{"email": u.Email, "hash": u.PasswordHash}) // want `writes the secret field PasswordHash under "hash"`
}

// ChangePasswordReq is decoded from the request by httpx.Parse: its
// password is the client's own.
type ChangePasswordReq struct {
	Password string `json:"password"`
}

func negatives(w http.ResponseWriter, r *http.Request) {
	var req ChangePasswordReq
	if err := httpx.Parse(r, &req); err != nil {
		httpx.ErrorCtx(r.Context(), w, err)
		return
	}
	u := get[*models.User]()
	httpx.OkJson(w, models.Public{ID: u.ID, Email: u.Email})
	httpx.OkJsonCtx(r.Context(), w, req)
}
