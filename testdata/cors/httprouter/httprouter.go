// Package httprouter sets CORS headers by hand in httprouter handlers,
// which answer through net/http.
package httprouter

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
)

var allowed = map[string]bool{"https://app.example.com": true}

func reflectAll(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin")) // want `without an allow-list check` `without Vary: Origin`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func checked(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.Header().Add("Vary", "Origin")
	if origin := r.Header.Get("Origin"); allowed[origin] {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func routes() *httprouter.Router {
	r := httprouter.New()
	r.GET("/a", reflectAll)
	r.GET("/b", checked)
	return r
}
