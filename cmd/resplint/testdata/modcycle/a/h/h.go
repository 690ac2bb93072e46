package h

import (
	"net/http"

	"example.com/a/router"
	"example.com/b/ibex"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	ibex.Fail(w, router.New())
	w.Header().Set("Content-Type", "text/plain")
}
