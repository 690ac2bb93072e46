package nethttp

import (
	"net/http"

	"resplint.test/jsonleak/helpers"
	"resplint.test/jsonleak/models"
)

func findUser(r *http.Request) (any, error) {
	return get[*models.User](), nil
}

func findPublic(r *http.Request) (any, error) {
	u := get[*models.User]()
	return models.Public{ID: u.ID, Email: u.Email}, nil
}

func wrappedRoutes(mux *http.ServeMux) {
	mux.Handle("/user", helpers.Wrap(findUser)) // want `helpers.Wrap sends the secret fields \*models.User → .PasswordHash` `helpers.Wrap sends the token field`
	mux.Handle("/public", helpers.Wrap(findPublic))
}
