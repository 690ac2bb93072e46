package fixes

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
)

func hertzMe(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusOK, c.MustGet("user")) // want "without Cache-Control private or no-store"
}

func hertzUser(ctx context.Context, c *app.RequestContext) { c.JSON(200, c.MustGet("user")) }
