// Package sessions holds lateheader's gorilla/sessions cases: Save writes
// the session cookie, so it must come before the response is written.
package sessions

import (
	"net/http"

	"github.com/gorilla/sessions"
)

var store = sessions.NewCookieStore([]byte("key"))

func login(w http.ResponseWriter, r *http.Request) {
	sess, _ := store.Get(r, "session")
	sess.Values["user"] = "alice"
	http.Redirect(w, r, "/", http.StatusFound)
	sess.Save(r, w) // want `the session cookie is saved after http.Redirect at line \d+ sent the response header: .*so the cookie is dropped`
}

func logout(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("bye"))
	sessions.Save(r, w) // want `the session cookie is saved after w.Write`
}

// Negative: saved first.
func loginOK(w http.ResponseWriter, r *http.Request) {
	sess, _ := store.Get(r, "session")
	sess.Values["user"] = "alice"
	if err := sess.Save(r, w); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/", http.StatusFound)
}
