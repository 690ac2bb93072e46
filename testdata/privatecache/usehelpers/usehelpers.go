// Package usehelpers calls the helpers package: its identity reads and
// cache headers count here, through facts.
package usehelpers

import (
	"encoding/json"
	"net/http"

	"resplint.test/privatecache/helpers"
)

func profile(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(helpers.CurrentUser(r)) // want `handler reads the cookie "session" \(through helpers.CurrentUser\) but writes`
}

func named(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(helpers.CookieValue(r, "remember_token"))) // want `handler reads the cookie "remember_token" \(through helpers.CookieValue\) but writes`
}

// Negatives.

func locale(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(helpers.Locale(r) + helpers.CookieValue(r, "theme")))
}

func private(w http.ResponseWriter, r *http.Request) {
	helpers.SetPrivate(w)
	w.Write([]byte(helpers.CurrentUser(r)))
}
