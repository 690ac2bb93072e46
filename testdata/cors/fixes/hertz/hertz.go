// Package hertz is fixed by adding Vary: Origin.
package hertz

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app"
)

var allowed = map[string]bool{"https://app.example.com": true}

func handler(ctx context.Context, c *app.RequestContext) {
	if origin := c.Request.Header.Get("Origin"); allowed[origin] {
		c.Header("Access-Control-Allow-Origin", origin) // want `without Vary: Origin`
	}
}
