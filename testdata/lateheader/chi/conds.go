package chi

import (
	"net/http"

	"github.com/go-chi/render"
)

// render.JSON on one branch and the header on the exclusive one.
func exclusiveBranches(w http.ResponseWriter, r *http.Request) {
	u, ok := lookup(r)
	if !ok {
		render.Status(r, http.StatusNotFound)
		render.JSON(w, r, map[string]string{"error": "not found"})
	}
	if ok {
		w.Header().Set("X-User", u.ID)
		render.JSON(w, r, u)
	}
}

func lookup(r *http.Request) (user, bool) {
	id := r.URL.Query().Get("id")
	return user{ID: id}, id != ""
}

// The second test is another condition: both can hold.
func independent(w http.ResponseWriter, r *http.Request) {
	u, ok := lookup(r)
	if !ok {
		render.JSON(w, r, map[string]string{"error": "not found"})
	}
	if u.ID == "" {
		w.Header().Set("X-User", "none") // want `header "X-User" is set after render.JSON at line \d+, which completed the response and does not return`
	}
}
