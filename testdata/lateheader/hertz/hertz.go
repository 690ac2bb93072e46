// Package hertz holds lateheader's hertz cases: hertz builds the response
// in memory and writes it after the handler returns, so nothing is
// reported.
package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/protocol"
)

func Routes(h *server.Hertz) {
	h.GET("/", afterWrite)
	h.GET("/twice", twice)
}

func afterWrite(ctx context.Context, c *app.RequestContext) {
	c.String(http.StatusOK, "hello")
	c.Header("X-Request-Id", "1")
	c.SetCookie("seen", "1", 3600, "/", "", protocol.CookieSameSiteLaxMode, true, true)
	c.Status(http.StatusAccepted)
}

func twice(ctx context.Context, c *app.RequestContext) {
	if c.Query("id") == "" {
		c.AbortWithMsg("no id", http.StatusBadRequest)
	}
	c.JSON(http.StatusOK, map[string]bool{"ok": true})
}
