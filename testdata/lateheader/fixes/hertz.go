package fixes

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/protocol/sse"
)

func hertzEvents(ctx context.Context, c *app.RequestContext) {
	w := sse.NewWriter(c)
	w.WriteEvent("1", "message", []byte("hello"))
	c.Header("X-Request-Id", "1") // want `header "X-Request-Id" is set after w.WriteEvent`
}
