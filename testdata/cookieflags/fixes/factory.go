package fixes

import (
	"errors"
	"net/http"
)

// A factory that returns an error too: the fix edits its literal.
func newAuthCookie(user string) (*http.Cookie, error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	return &http.Cookie{Name: "auth_session", Value: user, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode}, nil
}

// One with no literal: the fix assigns to the caller's variable.
func newSessionCookie(user string) (*http.Cookie, error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	c := new(http.Cookie)
	c.Name = "session"
	c.Value = user
	c.HttpOnly = true
	c.SameSite = http.SameSiteLaxMode
	return c, nil
}

func factoryLogin(w http.ResponseWriter, r *http.Request) {
	cookie, err := newAuthCookie(r.FormValue("user"))
	if err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	http.SetCookie(w, cookie) // want "Secure"
	session, err := newSessionCookie(r.FormValue("user"))
	if err != nil {
		return
	}
	http.SetCookie(w, session) // want "Secure"
}
