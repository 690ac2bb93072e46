// Package nethttp is fixed by adding Vary: Origin.
package nethttp

import "net/http"

var allowed = map[string]bool{"https://app.example.com": true}

func handler(w http.ResponseWriter, r *http.Request) {
	if origin := r.Header.Get("Origin"); allowed[origin] {
		w.Header().Set("Access-Control-Allow-Origin", origin) // want `without Vary: Origin`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func throughHeader(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", r.Header.Get("Origin")) // want `without Vary: Origin`
}
