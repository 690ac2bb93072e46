// Package sessions holds cookieflags cases for gorilla/sessions stores.
package sessions

import (
	"net/http"
	"os"

	"github.com/gorilla/sessions"
)

// NewCookieStore (v1.4.0) defaults to Secure and SameSite=None, not HttpOnly.
var store = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY"))) // want `session cookie of this gorilla/sessions store \(default Options\) is set without HttpOnly`

var configured = sessions.NewCookieStore([]byte("k"))

func init() {
	configured.Options.HttpOnly = true
}

func localStore() *sessions.FilesystemStore {
	fs := sessions.NewFilesystemStore("", []byte("k")) // want `without HttpOnly` `without Secure` `without SameSite`
	fs.Options.MaxAge = 3600
	return fs
}

func options(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "app-session")
	s.Options = &sessions.Options{Path: "/", MaxAge: 3600} // want `session cookie with these sessions.Options is set without HttpOnly` `without Secure` `without SameSite`
	s.Save(r, w)
}

// A session saved with the store's Options is what makes its defaults a
// live cookie.
func visit(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "app-session")
	s.Values["seen"] = true
	s.Save(r, w)
}

func replaced() {
	st := sessions.NewCookieStore([]byte("k"))
	st.Options = &sessions.Options{Path: "/", MaxAge: 3600, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}
	_ = st
}

func logout(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "app-session")
	s.Options = &sessions.Options{MaxAge: -1, Secure: true}
	s.Save(r, w)
}

func fromConfig(secure bool) *sessions.CookieStore {
	cs := sessions.NewCookieStore([]byte("k"))
	cs.Options.HttpOnly = secure
	return cs
}

// A flag turned off only under a condition is a deliberate choice.
func conditional(insecure bool) *sessions.CookieStore {
	cs := sessions.NewCookieStore([]byte("k"))
	cs.Options.HttpOnly = true
	cs.Options.SameSite = http.SameSiteLaxMode
	if insecure {
		cs.Options.Secure = false
	}
	return cs
}

// Options handed to a function may be hardened there.
func harden(o *sessions.Options) {
	o.HttpOnly = true
	o.Secure = true
	o.SameSite = http.SameSiteLaxMode
}

func hardened() *sessions.FilesystemStore {
	fs := sessions.NewFilesystemStore("", []byte("k"))
	harden(fs.Options)
	return fs
}

// A custom store's default Options are not the cookie: the store may
// replace them.
type kvStore struct{ Options *sessions.Options }

func newKVStore() *kvStore {
	return &kvStore{Options: &sessions.Options{Path: "/", MaxAge: 3600}}
}

// A session made with NewSession (v1.4.0) has empty Options, not its
// store's: the save writes those, and the store's defaults reach no one.
var freshStore = sessions.NewCookieStore([]byte("k"))

func signIn(w http.ResponseWriter, r *http.Request) {
	s := sessions.NewSession(freshStore, "user")
	s.Values["user"] = r.FormValue("user")
	s.Options.MaxAge = 3600
	_ = freshStore.Save(r, w, s) // want `session cookie of a session made with empty sessions.Options, not its store's defaults, is set without HttpOnly: .*; set the session's Options.HttpOnly = true before saving it` `without Secure` `without SameSite`
}

func signInHardened(w http.ResponseWriter, r *http.Request) {
	s := sessions.NewSession(freshStore, "user")
	s.Options.HttpOnly = true
	s.Options.Secure = true
	s.Options.SameSite = http.SameSiteLaxMode
	_ = freshStore.Save(r, w, s)
}

func signOut(w http.ResponseWriter, r *http.Request) {
	s := sessions.NewSession(freshStore, "user")
	s.Options.MaxAge = -1
	_ = s.Save(r, w)
}
