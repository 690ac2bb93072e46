// Package mux holds lateheader's cases for gorilla/mux routers.
package mux

import (
	"fmt"
	"net/http"

	"github.com/gorilla/mux"
)

func Routes() http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/articles/{id}", article).Methods(http.MethodGet)
	r.HandleFunc("/download/{name}", download)
	r.Handle("/ok", http.HandlerFunc(ok))
	return r
}

func article(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	fmt.Fprintf(w, "<h1>%s</h1>", id)
	if id == "draft" {
		w.WriteHeader(http.StatusForbidden) // want `status 403 is set after fmt.Fprintf at line \d+ sent the response header`
	}
}

func download(w http.ResponseWriter, r *http.Request) {
	name := mux.Vars(r)["name"]
	if name == "" {
		http.NotFound(w, r)
	}
	http.ServeFile(w, r, "files/"+name) // want `http.ServeFile writes to the response after http.NotFound at line \d+, which completed the response and does not return`
}

// Negative.
func ok(w http.ResponseWriter, r *http.Request) {
	if mux.Vars(r)["id"] == "" {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprintln(w, "ok")
}
