package fixes

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/protocol"
)

func hertzLogin(ctx context.Context, c *app.RequestContext) {
	c.SetCookie("session", "v", 3600, "/", "", protocol.CookieSameSiteDisabled, false, false) // want "HttpOnly" "Secure" "SameSite"
}
