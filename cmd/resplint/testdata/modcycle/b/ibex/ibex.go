package ibex

import (
	"net/http"

	"example.com/a/router"
	"example.com/b/srv"
)

// Fail sends the response header, which its callers cannot change after.
func Fail(w http.ResponseWriter, r *router.Router) {
	w.WriteHeader(http.StatusInternalServerError)
	w.Write([]byte(srv.Config(r)))
}
