package corpus

import "fmt"

// helpers returns net/http helpers; feature i's helpers delegate to
// feature i-1's, so helper facts chain across packages.
func (f feature) helpers() string {
	prevImport, delegate := "", "WriteJSON(w, code, v)"
	if f.i > 0 {
		prevImport = fmt.Sprintf("prev %q", fmt.Sprintf("%s/helpers/h%d", ModulePath, f.i-1))
		delegate = "prev.Respond(w, code, v)"
	}
	secure := "true"
	if f.i%2 == 1 {
		secure = "false" // half the features forget Secure
	}
	return fmt.Sprintf(f.expand(`// Package h{{i}} holds response helpers of feature {{i}}.
package h{{i}}

import (
	"encoding/json"
	"net/http"
	"time"

	%s
)

// SessionCookie is the name of the session cookie.
const SessionCookie = "sess_{{i}}"

// SetSession sets the session cookie.
func SetSession(w http.ResponseWriter, id string) {
	http.SetCookie(w, &http.Cookie{
		Name:     SessionCookie,
		Value:    id,
		Path:     "/",
		HttpOnly: true,
		Secure:   %s,
		SameSite: http.SameSiteLaxMode,
		Expires:  time.Now().Add(24 * time.Hour),
	})
}

// NewCookie returns a cookie for name and value.
func NewCookie(name, value string) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: "/"}
}

// ClearSession expires the session cookie.
func ClearSession(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, MaxAge: -1, Path: "/"})
}

// NoStore marks the response as not cacheable.
func NoStore(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
}

// WriteJSON writes v as JSON with the given status.
func WriteJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// Respond writes v as JSON, through the previous feature's helper.
func Respond(w http.ResponseWriter, code int, v any) {
	%s
}

// Download sends data as an attachment.
func Download(w http.ResponseWriter, name string, data []byte) {
	w.Header().Set("Content-Type", "text/csv")
	w.Header().Set("Content-Disposition", "attachment; filename=\""+name+"\"")
	_, _ = w.Write(data)
}

// Error writes a JSON error.
func Error(w http.ResponseWriter, code int, msg string) {
	WriteJSON(w, code, map[string]string{"error": msg})
}

// WriteAs writes a value of any type as JSON.
func WriteAs[T any](w http.ResponseWriter, v T) {
	WriteJSON(w, http.StatusOK, v)
}
`), prevImport, secure, delegate)
}

// frameworkHelpers returns helpers taking the contexts of the frameworks.
func (f feature) frameworkHelpers() string {
	return f.expand(`package h{{i}}

import (
	"net/http"

	"github.com/gin-gonic/gin"
	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
)

// GinRemember sets the remember-me cookie on a gin response.
func GinRemember(c *gin.Context, token string) {
	c.SetSameSite(http.SameSiteLaxMode)
	c.SetCookie("remember_{{i}}", token, 3600, "/", "", true, true)
}

// GinJSON writes v with a cache header.
func GinJSON(c *gin.Context, v any) {
	c.Header("Cache-Control", "private")
	c.JSON(http.StatusOK, v)
}

// Echo4Cookie sets a cookie on an echo v4 response.
func Echo4Cookie(c echo4.Context, name, value string) {
	c.SetCookie(&http.Cookie{Name: name, Value: value, HttpOnly: true})
}

// Echo5Cookie sets a cookie on an echo v5 response.
func Echo5Cookie(c *echo5.Context, name, value string) {
	c.SetCookie(&http.Cookie{Name: name, Value: value, Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode})
}

// Echo5NoStore marks an echo v5 response as not cacheable.
func Echo5NoStore(c *echo5.Context) {
	c.Response().Header().Set("Cache-Control", "no-store")
}

// Fiber2Token sets the token cookie on a fiber v2 response.
func Fiber2Token(c *fiber2.Ctx, token string) {
	c.Cookie(&fiber2.Cookie{Name: "token_{{i}}", Value: token, HTTPOnly: true})
}

// Fiber3Token sets the token cookie on a fiber v3 response.
func Fiber3Token(c fiber3.Ctx, token string) {
	c.Cookie(&fiber3.Cookie{Name: "token_{{i}}", Value: token, Secure: true, HTTPOnly: true})
}

// Fiber3Attachment sends data as a download.
func Fiber3Attachment(c fiber3.Ctx, name string, data []byte) error {
	c.Attachment(name)
	return c.Send(data)
}
`)
}

// tagged returns a file built only with the integration tag.
func (f feature) tagged() string {
	return f.expand(`//go:build integration

package h{{i}}

import "net/http"

// Debug writes the debug cookie in integration builds.
func Debug(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "debug_session", Value: "1"})
}
`)
}

// store returns a gorilla/sessions store package.
func (f feature) store() string {
	httpOnly := "true"
	if f.i%3 == 2 {
		httpOnly = "false"
	}
	return fmt.Sprintf(f.expand(`// Package s{{i}} holds the session store of feature {{i}}.
package s{{i}}

import (
	"net/http"
	"os"

	"github.com/gorilla/sessions"
)

// Store keeps sessions in signed cookies.
var Store = newStore()

func newStore() *sessions.CookieStore {
	s := sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY_{{i}}")))
	s.Options = &sessions.Options{Path: "/", MaxAge: 3600, HttpOnly: %s, Secure: true, SameSite: http.SameSiteLaxMode}
	return s
}

// Login records the user in the session.
func Login(w http.ResponseWriter, r *http.Request, user string) error {
	sess, err := Store.Get(r, "app_session_{{i}}")
	if err != nil {
		return err
	}
	sess.Values["user"] = user
	return sess.Save(r, w)
}

// User returns the user of the session, or "".
func User(r *http.Request) string {
	sess, err := Store.Get(r, "app_session_{{i}}")
	if err != nil {
		return ""
	}
	u, _ := sess.Values["user"].(string)
	return u
}
`), httpOnly)
}
