// Package web saves sessions of the stores in package store with their
// defaults.
package web

import (
	"net/http"

	"resplint.test/cookieflags/program/store"
)

func Visit(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Plain.Get(r, "visit")
	s.Values["n"] = 1
	s.Save(r, w)
}

func Login(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Store.Get(r, "session")
	s.Values["user"] = r.FormValue("user")
	s.Save(r, w)
}

func Upload(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Handed.Get(r, "upload")
	s.Save(r, w)
}
