package fixes

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/protocol"
)

func hertzLogin(ctx context.Context, c *app.RequestContext) {
	c.SetCookie("hsession", "v", 3600, "/", "", protocol.CookieSameSiteLaxMode, true, true)
	c.SetCookie("__Host-hid", "v", 3600, "/", "", protocol.CookieSameSiteLaxMode, true, true)
}

func hertzLogout(ctx context.Context, c *app.RequestContext) {
	c.SetCookie("hsession", "", -1, "/api", "", protocol.CookieSameSiteLaxMode, true, true) // want "with Path"
	c.SetCookie("__Host-hid", "", -1, "/", "", protocol.CookieSameSiteLaxMode, false, true) // want "prefix"
}
