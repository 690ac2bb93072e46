// Package hertz holds lateheader's hertz cases: hertz builds the response
// in memory and writes it after the handler returns, so nothing is
// reported, unless a writer of server-sent events hijacked the response
// and sent the header with its first write.
package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/protocol"
	"github.com/cloudwego/hertz/pkg/protocol/sse"
)

func Routes(h *server.Hertz) {
	h.GET("/", afterWrite)
	h.GET("/twice", twice)
	h.GET("/events", events)
	h.GET("/prepared", prepared)
	h.GET("/inline", inline)
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

// The first event sends the header: what is set after it is never sent.
func events(ctx context.Context, c *app.RequestContext) {
	w := sse.NewWriter(c)
	w.WriteEvent("1", "message", []byte("hello"))
	c.Header("X-Request-Id", "1")                                                       // want `header "X-Request-Id" is set after w.WriteEvent at line \d+ sent the response header: hertz sends the response after the handler returns, but a hijacked writer`
	c.SetCookie("seen", "1", 3600, "/", "", protocol.CookieSameSiteLaxMode, true, true) // want `cookie "seen" is set after w.WriteEvent`
	c.Response.Header.Set("X-Trace", "1")                                               // want `header "X-Trace" is set after w.WriteEvent`
	c.SetStatusCode(http.StatusAccepted)                                                // want `status 202 is set after w.WriteEvent at line \d+ sent the response header: the status line is already sent, so hertz keeps the status already sent and ignores this one`
	w.WriteKeepAlive()
}

// NewWriter sends nothing by itself: what is set before the first event
// goes out with the header.
func prepared(ctx context.Context, c *app.RequestContext) {
	w := sse.NewWriter(c)
	c.Header("X-Request-Id", "1")
	c.SetStatusCode(http.StatusOK)
	w.WriteEvent("1", "message", []byte("hello"))
	w.WriteComment("done")
}

// An event written on a writer made in place sends the header too.
func inline(ctx context.Context, c *app.RequestContext) {
	sse.NewWriter(c).Write(&sse.Event{Data: []byte("hello")})
	c.Header("X-Request-Id", "1") // want `header "X-Request-Id" is set after`
}
