// Package chi holds lateheader's cases for chi routers and go-chi/render.
package chi

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"
)

type user struct{ ID string }

func Routes() http.Handler {
	r := chi.NewRouter()
	r.Get("/users/{id}", getUser)
	r.Get("/late", renderThenHeader)
	r.Post("/users", createUser)
	r.Get("/ok", renderOK)
	return r
}

func getUser(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	if id == "" {
		render.Status(r, http.StatusBadRequest)
		render.JSON(w, r, map[string]string{"error": "no id"})
	}
	render.JSON(w, r, user{ID: id}) // want `render.JSON writes to the response after render.JSON at line \d+, which completed the response and does not return`
}

func renderThenHeader(w http.ResponseWriter, r *http.Request) {
	render.JSON(w, r, user{})
	w.Header().Set("Location", "/users/1") // want `header "Location" is set after render.JSON at line \d+ sent the response header`
}

func createUser(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
	w.Header().Set("Location", "/users/1") // want `header "Location" is set after w.WriteHeader`
	json.NewEncoder(w).Encode(user{ID: "1"})
}

// Negative: headers first, and every error path returns.
func renderOK(w http.ResponseWriter, r *http.Request) {
	var u user
	if err := json.NewDecoder(r.Body).Decode(&u); err != nil {
		render.Status(r, http.StatusBadRequest)
		render.PlainText(w, r, err.Error())
		return
	}
	w.Header().Set("Cache-Control", "private, no-store")
	render.JSON(w, r, u)
}
