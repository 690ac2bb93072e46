// want package:`sets "session", "__Host-id"; deletes "visited"}`

// Package hertz holds cookiedelete cases for hertz handlers.
package hertz

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/protocol"
)

func login(ctx context.Context, c *app.RequestContext) {
	c.SetCookie("session", "v", 3600, "", "", protocol.CookieSameSiteLaxMode, true, true) // hertz writes Path "/" for ""
	c.SetCookie("__Host-id", "v", 3600, "/", "", protocol.CookieSameSiteLaxMode, true, true)
}

func logout(ctx context.Context, c *app.RequestContext) {
	c.SetCookie("session", "", -1, "", "", protocol.CookieSameSiteLaxMode, true, true)     // hertz's "/" is the set site's
	c.SetCookie("session", "", -1, "/", "", protocol.CookieSameSiteLaxMode, true, true)    // the same
	c.SetCookie("session", "", -1, "/api", "", protocol.CookieSameSiteLaxMode, true, true) // want `cookie "session" is deleted with Path "/api" but set with Path "/"`
	c.SetCookie("__Host-id", "", -1, "/", "", protocol.CookieSameSiteLaxMode, false, true) // want `cookie "__Host-id" has the __Host- prefix but is deleted without Secure`
	c.SetCookie("visited", "", -1, "/x", "", protocol.CookieSameSiteLaxMode, false, false) // never set here
}
