// Package echo4 holds cookieflags cases for echo v4 handlers.
package echo4

import (
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

func login(c echo.Context) error {
	cookie := new(http.Cookie)
	cookie.Name = "session"
	cookie.Value = "v"
	cookie.Expires = time.Now().Add(24 * time.Hour)
	c.SetCookie(cookie) // want `cookie "session" is set without HttpOnly` `cookie "session" is set without Secure` `cookie "session" is set without SameSite`
	return c.String(http.StatusOK, "ok")
}

func token(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "auth_token", Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "auth_token" is set without Secure`
	c.Response().Header().Set("Set-Cookie", "jwt=x; HttpOnly; Secure")                                        // want `cookie "jwt" is set without SameSite`
	return nil
}

func negatives(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	c.SetCookie(&http.Cookie{Name: "username", Value: "jon"})
	c.SetCookie(&http.Cookie{Name: "session", MaxAge: -1, Secure: true})
	c.SetCookie(&http.Cookie{Name: "_csrf", Value: "t", Secure: true})
	return nil
}

// Secure left off in the branch for plain HTTP is the program's choice.
func plainHTTP(c echo.Context) error {
	if !c.IsTLS() {
		c.SetCookie(&http.Cookie{Name: "session", Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode})
		return nil
	}
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" is set without Secure`
	return nil
}

// A factory that returns an error too.
func newEchoSession(user string) (*http.Cookie, error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	return &http.Cookie{Name: "session", Value: user, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode}, nil
}

func newEchoSafeSession(user string) (*http.Cookie, error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	return &http.Cookie{Name: "session", Value: user, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}, nil
}

func echoFactory(c echo.Context) error {
	cookie, err := newEchoSession(c.QueryParam("user"))
	if err != nil {
		return err
	}
	c.SetCookie(cookie) // want `cookie "session" is set without Secure`
	safe, err := newEchoSafeSession(c.QueryParam("user"))
	if err != nil {
		return err
	}
	c.SetCookie(safe)
	return nil
}

// The request's cookie, set again after a change, carries none of the
// flags it was set with.
func extend(c echo.Context) error {
	ck, err := c.Cookie("session")
	if err != nil {
		return err
	}
	ck.Expires = time.Now().Add(time.Hour)
	c.SetCookie(ck) // want `cookie "session" is set without HttpOnly` `cookie "session" is set without Secure` `cookie "session" is set without SameSite`
	return c.NoContent(http.StatusNoContent)
}
