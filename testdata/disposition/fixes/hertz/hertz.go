// Package hertz holds the inputs of disposition's suggested-fix golden
// tests for hertz.
package hertz

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
)

func hertzFile(ctx context.Context, c *app.RequestContext) {
	c.File("exports/report.csv") // want `file "report.csv" served`
}

func hertzData(ctx context.Context, c *app.RequestContext, b []byte) {
	c.Data(http.StatusOK, "application/zip", b) // want "served as application/zip"
}
