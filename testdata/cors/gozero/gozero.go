// Package gozero sets CORS headers by hand in go-zero handlers, which
// answer through net/http.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/rest/httpx"
)

var allowed = map[string]bool{"https://app.example.com": true}

func reflectAll(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Vary", "Origin")
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin")) // want `without an allow-list check`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
	httpx.OkJson(w, map[string]string{"ok": "yes"})
}

func wildcard(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*") // want `browsers refuse`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
	httpx.OkJson(w, map[string]string{"ok": "yes"})
}

func checked(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	if origin := r.Header.Get("Origin"); allowed[origin] {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
	httpx.OkJson(w, map[string]string{"ok": "yes"})
}

func routes(server *rest.Server) {
	server.AddRoutes([]rest.Route{
		{Method: http.MethodGet, Path: "/a", Handler: reflectAll},
		{Method: http.MethodGet, Path: "/b", Handler: wildcard},
		{Method: http.MethodGet, Path: "/c", Handler: checked},
	})
}
