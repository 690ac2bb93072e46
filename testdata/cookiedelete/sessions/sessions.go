// want package:`sets a session}`

// Package sessions holds cookiedelete cases for gorilla/sessions.
package sessions

import (
	"net/http"

	"github.com/gorilla/sessions"
)

// NewCookieStore's sessions get Path "/".
var store = sessions.NewCookieStore([]byte("key"))

func login(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "app")
	s.Values["user"] = "u"
	s.Save(r, w)
}

func logout(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "app")
	// The store's Options with MaxAge -1: deleted.
	s.Options.MaxAge = -1
	s.Save(r, w)
}

func logoutReplaced(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "app")
	s.Options = &sessions.Options{MaxAge: -1} // want `session cookie deleted by these sessions.Options is deleted without Path .* but set with Path "/" at sessions/sessions.go:13`
	s.Save(r, w)
}

func logoutReplacedPath(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "app")
	s.Options = &sessions.Options{Path: "/", MaxAge: -1, HttpOnly: true}
	s.Save(r, w)
}
