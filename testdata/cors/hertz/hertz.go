// Package hertz sets CORS headers by hand in hertz handlers.
package hertz

import (
	"context"
	"strings"

	"github.com/cloudwego/hertz/pkg/app"
)

var allowed = map[string]bool{"https://app.example.com": true}

func reflectAll(ctx context.Context, c *app.RequestContext) {
	c.Header("Access-Control-Allow-Origin", string(c.GetHeader("Origin"))) // want `without an allow-list check` `without Vary: Origin`
	c.Header("Access-Control-Allow-Credentials", "true")
}

func suffixNoDot(ctx context.Context, c *app.RequestContext) {
	c.Response.Header.Add("Vary", "Origin")
	origin := c.Request.Header.Get("Origin")
	if strings.HasSuffix(origin, "example.com") {
		c.Header("Access-Control-Allow-Origin", origin) // want `after strings.HasSuffix`
		c.Header("Access-Control-Allow-Credentials", "true")
	}
}

func checked(ctx context.Context, c *app.RequestContext) {
	c.Response.Header.Add("Vary", "Origin")
	if origin := string(c.GetHeader("Origin")); allowed[origin] {
		c.Header("Access-Control-Allow-Origin", origin)
		c.Header("Access-Control-Allow-Credentials", "true")
	}
}

func wildcard(ctx context.Context, c *app.RequestContext) {
	c.Header("Access-Control-Allow-Origin", "*") // want `browsers refuse`
	c.Header("Access-Control-Allow-Credentials", "true")
}
