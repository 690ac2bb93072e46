// Package ownoptions saves every session with Options of its own, so the
// store's defaults reach no live cookie: only the deletion.
package ownoptions

import (
	"net/http"

	"github.com/gorilla/sessions"
)

var store = sessions.NewCookieStore([]byte("k"))

func login(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "session")
	s.Options = &sessions.Options{Path: "/", MaxAge: 3600, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}
	s.Values["user"] = r.FormValue("user")
	s.Save(r, w)
}

func logout(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "session")
	s.Options.MaxAge = -1
	s.Save(r, w)
}

// A store whose sessions are also saved with its defaults, on one path,
// is judged as before.
var mixed = sessions.NewFilesystemStore("", []byte("k")) // want `without HttpOnly` `without Secure` `without SameSite`

func remember(w http.ResponseWriter, r *http.Request) {
	s, _ := mixed.Get(r, "remember")
	if r.FormValue("long") != "" {
		s.Options = &sessions.Options{Path: "/", MaxAge: 86400 * 30, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}
	}
	s.Save(r, w)
}

// A store's own Save(r, w, s) saves like Session.Save: with Options of
// its own here, so byStore's defaults reach no live cookie.
var byStore = sessions.NewCookieStore([]byte("k"))

func renew(w http.ResponseWriter, r *http.Request) {
	s, _ := byStore.New(r, "renew")
	s.Options = &sessions.Options{Path: "/", MaxAge: 600, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}
	byStore.Save(r, w, s)
}
