// Package helpers identifies users and sets cache headers for handlers in // want package:`stores helpers\.userKey\}`
// other packages: what they do reaches their callers through facts.
package helpers

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
)

type ctxKey int

const userKey ctxKey = 0

// CurrentUser reads the session cookie: its callers are user-specific.
func CurrentUser(r *http.Request) string { // want CurrentUser:`authenticates by the cookie "session"`
	c, err := r.Cookie("session")
	if err != nil {
		return ""
	}
	return c.Value
}

// CookieValue reads the cookie its caller names.
func CookieValue(r *http.Request, name string) string {
	c, err := r.Cookie(name)
	if err != nil {
		return ""
	}
	return c.Value
}

// UserFrom reads the user a middleware stored in the context.
func UserFrom(ctx context.Context) string {
	u, _ := ctx.Value(userKey).(string)
	return u
}

// WithUser stores the user in the context.
func WithUser(ctx context.Context, u string) context.Context {
	return context.WithValue(ctx, userKey, u)
}

// Locale reads a cookie that says nothing about who the user is.
func Locale(r *http.Request) string {
	c, err := r.Cookie("lang")
	if err != nil {
		return "en"
	}
	return c.Value
}

// GinUser reads the user gin's auth middleware stored.
func GinUser(c *gin.Context) any {
	return c.MustGet("user")
}

// NoStore is a net/http middleware that marks every response private.
func NoStore(next http.Handler) http.Handler { // want NoStore:`wraps with Cache-Control "private, no-store"`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "private, no-store")
		next.ServeHTTP(w, r)
	})
}

// GinNoStore returns a gin middleware that marks every response private.
func GinNoStore() gin.HandlerFunc { // want GinNoStore:`wraps with Cache-Control "no-store"`
	return func(c *gin.Context) {
		c.Header("Cache-Control", "no-store")
		c.Next()
	}
}

// SetPrivate marks one response private for its caller.
func SetPrivate(w http.ResponseWriter) { // want SetPrivate:`sets Cache-Control "private, max-age=60"`
	w.Header().Set("Cache-Control", "private, max-age=60")
}

// A Builder collects headers and writes them with the body, where the
// model does not follow them.
type Builder struct {
	w       http.ResponseWriter
	headers http.Header
}

func NewBuilder(w http.ResponseWriter) *Builder {
	return &Builder{w: w, headers: make(http.Header)}
}

func (b *Builder) WithHeader(key, value string) *Builder {
	b.headers.Set(key, value)
	return b
}

func (b *Builder) Write(body []byte) {
	for k, v := range b.headers {
		b.w.Header()[k] = v
	}
	b.w.Write(body)
}

// HTML writes a page that no cache may store.
func HTML(w http.ResponseWriter, body string) { // want HTML:`sets Cache-Control "no-cache, no-store"`
	NewBuilder(w).WithHeader("Cache-Control", "no-cache, no-store").Write([]byte(body))
}

// ServerError sets no-store on the error page only.
func ServerError(w http.ResponseWriter) { // want ServerError:`sets Cache-Control "no-store"`
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// Log returns a logger that tags each line with the user: what it reads
// goes to the log, not to a response.
func Log(ctx context.Context) *slog.Logger {
	return slog.With("user", UserFrom(ctx))
}
