// Package hertz holds cookieflags cases for hertz handlers.
package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/protocol"
)

func login(ctx context.Context, c *app.RequestContext) {
	c.SetCookie("session", "v", 3600, "/", "", protocol.CookieSameSiteDisabled, false, false) // want `cookie "session" is set without HttpOnly: .*; pass httpOnly=true to SetCookie` `cookie "session" is set without Secure` `cookie "session" is set without SameSite: .*; pass protocol.CookieSameSiteLaxMode to SetCookie`
	c.String(http.StatusOK, "ok")
}

func defaultMode(ctx context.Context, c *app.RequestContext) {
	// CookieSameSiteDefaultMode writes a bare SameSite, which browsers
	// ignore.
	c.SetCookie("auth_token", "v", 3600, "/", "", protocol.CookieSameSiteDefaultMode, true, true) // want `cookie "auth_token" is set without SameSite`
}

func none(ctx context.Context, c *app.RequestContext) {
	// SetSameSite turns Secure on for SameSite=None.
	c.SetCookie("widget", "v", 3600, "/", "", protocol.CookieSameSiteNoneMode, false, false)
}

func prefix(ctx context.Context, c *app.RequestContext) {
	// hertz turns an empty path into "/".
	c.SetCookie("__Host-theme", "dark", 0, "", "", protocol.CookieSameSiteLaxMode, true, false)
	c.SetCookie("__Host-lang", "en", 0, "/app", "", protocol.CookieSameSiteLaxMode, true, false) // want `cookie "__Host-lang" has the __Host- prefix but its Path is not "/"`
	c.SetCookie("__Secure-id", "1", 0, "/", "", protocol.CookieSameSiteLaxMode, false, false)    // want `cookie "__Secure-id" has the __Secure- prefix`
}

func header(ctx context.Context, c *app.RequestContext, tok string) {
	c.Header("Set-Cookie", "access_token="+tok+"; Path=/; HttpOnly; Secure")           // want `cookie "access_token" is set without SameSite`
	c.Response.Header.Add("Set-Cookie", "token="+tok+"; Path=/; Secure; SameSite=Lax") // want `cookie "token" is set without HttpOnly`
	c.Response.Header.Add("Set-Cookie", "sid="+tok+"; Path=/; HttpOnly; Secure; SameSite=Lax")
}

func negatives(ctx context.Context, c *app.RequestContext, secure bool) {
	c.SetCookie("sid", "v", 3600, "/", "", protocol.CookieSameSiteStrictMode, true, true)
	c.SetPartitionedCookie("refresh", "v", 3600, "/", "", protocol.CookieSameSiteLaxMode, true, true)
	c.SetCookie("theme", "dark", 0, "/", "", protocol.CookieSameSiteDisabled, false, false)
	c.SetCookie("csrf_token", "t", 0, "/", "", protocol.CookieSameSiteLaxMode, true, false)
	c.SetCookie("session", "", -1, "/", "", protocol.CookieSameSiteDisabled, false, false)
	c.SetCookie("session", "v", 3600, "/", "", protocol.CookieSameSiteLaxMode, secure, true)
}

type serverConfig struct{ HTTPS bool }

// Secure left off in the branch for plain HTTP is the program's choice.
func plainHTTP(ctx context.Context, c *app.RequestContext, cfg serverConfig) {
	if !cfg.HTTPS {
		c.SetCookie("session", "v", 3600, "/", "", protocol.CookieSameSiteLaxMode, false, true)
		return
	}
	c.SetCookie("session", "v", 3600, "/", "", protocol.CookieSameSiteLaxMode, false, true) // want `cookie "session" is set without Secure`
}
