package chi

import (
	"net/http"

	"github.com/go-chi/render"

	"resplint.test/jsonleak/models"
	"resplint.test/jsonleak/repo"
)

// What the value sent can hold: a secret cleared on one branch only is
// sent on the other; a repository's column-limited, nil or partial
// results, and a partial literal, hold no secret.

func clearedOnOneBranch(w http.ResponseWriter, r *http.Request, admin bool) error {
	u := load()
	if !admin {
		u.PasswordHash = ""
	}
	u.APIToken = ""
	render.JSON(w, r, u) // want `secret fields .*models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"`
	return nil
}

func emptyValues(w http.ResponseWriter, r *http.Request, users *repo.Users) error {
	u, err := users.Public(1)
	if err != nil {
		return err
	}
	render.JSON(w, r, u)
	stub, _ := users.Stub(1)
	render.JSON(w, r, stub)
	full, _ := users.Full(1)
	clean := models.User{Email: full.Email}
	render.JSON(w, r, clean)
	render.JSON(w, r, users.Summary(1))
	return nil
}

// A form decoded from the request and written back sends the password the
// request carried; cleared first, it does not.
func echoRequest(w http.ResponseWriter, r *http.Request) error {
	var form models.ProfileForm
	if err := render.DecodeJSON(r.Body, &form); err != nil {
		return err
	}
	render.JSON(w, r, form) // want `sends the secret field models.ProfileForm → .Password as "password" to the client, as the request sent it`
	form.Password = ""
	render.JSON(w, r, form)
	return nil
}
