// Package chi holds jsonleak cases for go-chi/render.
package chi

import (
	"net/http"

	"github.com/go-chi/render"

	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func load() *models.User { return get[*models.User]() }

func show(w http.ResponseWriter, r *http.Request) {
	render.JSON(w, r, load()) // want `render.JSON sends the secret fields \*models.User` `token field`
}

// UserResponse embeds the model: every field of it is promoted.
type UserResponse struct { // want UserResponse:`^leaks password_hash, api_token, salt$`
	*models.User
	Role string `json:"role"`
}

func (*UserResponse) Render(w http.ResponseWriter, r *http.Request) error { return nil }

// PublicResponse is the filtered view.
type PublicResponse struct {
	models.Public
}

func (*PublicResponse) Render(w http.ResponseWriter, r *http.Request) error { return nil }

func renderer(w http.ResponseWriter, r *http.Request) {
	if err := render.Render(w, r, &UserResponse{User: load()}); err != nil { // want `render.Render sends the secret fields \*UserResponse → .PasswordHash` `token field`
		return
	}
	render.Render(w, r, get[*PublicResponse]())
}

func renderList(w http.ResponseWriter, r *http.Request) {
	render.RenderList(w, r, []render.Renderer{&UserResponse{User: load()}}) // want `secret fields \[\]render.Renderer → .PasswordHash` `token field`
}

func respond(w http.ResponseWriter, r *http.Request) {
	render.Status(r, http.StatusOK)
	render.Respond(w, r, []*models.Account{})            // want `render.Respond sends the secret field \[\]\*models.Account → .Salt`
	render.DefaultResponder(w, r, get[models.Account]()) // want `render.DefaultResponder sends the secret field`
}

func handBuilt(w http.ResponseWriter, r *http.Request) {
	u := load()
	render.JSON(w, r, render.M{"email": u.Email, "secret": u.Account.Secret}) // want `has the secret key "secret"`
}

func filtered(w http.ResponseWriter, r *http.Request) {
	u := load()
	render.JSON(w, r, render.M{"user": models.Public{ID: u.ID}})
	render.Respond(w, r, get[*PublicResponse]())
}
