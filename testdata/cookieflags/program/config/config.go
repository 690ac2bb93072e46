// Package config sets the Options of stores declared in package store.
package config

import (
	"net/http"

	"github.com/gorilla/sessions"

	"resplint.test/cookieflags/program/store"
)

func Apply() {
	store.Store.Options.SameSite = http.SameSiteLaxMode
	harden(store.Handed.Options)
}

func harden(o *sessions.Options) {
	o.HttpOnly = true
	o.Secure = true
	o.SameSite = http.SameSiteLaxMode
}
