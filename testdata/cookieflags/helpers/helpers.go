// Package helpers sets cookies for its callers in other packages.
package helpers

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

// SetAuth sets a cookie whose name its caller chooses.
func SetAuth(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// SetFlags leaves the flags to its caller.
func SetFlags(w http.ResponseWriter, value string, secure, httpOnly bool) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: value, Secure: secure, HttpOnly: httpOnly, SameSite: http.SameSiteLaxMode})
}

// SetSession is wrong on its own: reported here, not at its callers.
func SetSession(w http.ResponseWriter, value string) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: value, HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" is set without Secure`
}

// GinToken sets a gin cookie for its caller.
func GinToken(c *gin.Context, name, value string) {
	c.SetCookie(name, value, 3600, "/", "", true, true)
}

// NewCookie builds a cookie for its caller.
func NewCookie(name, value string) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Secure: true, SameSite: http.SameSiteLaxMode}
}

// NewSession builds a session cookie, or fails: the cookie is its
// callers' to judge.
func NewSession(user string) (*http.Cookie, error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	return &http.Cookie{Name: "session", Value: user, HttpOnly: true, SameSite: http.SameSiteLaxMode}, nil
}

// NewSecureSession is NewSession with every flag set.
func NewSecureSession(user string) (*http.Cookie, error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	return &http.Cookie{Name: "session", Value: user, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}, nil
}
