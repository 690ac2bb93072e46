package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/render"
)

// Render with no status writes one more piece of a stream, as SSEvent
// does; with a status it answers the request.

func streamEvents(c *gin.Context, events []string) {
	for _, e := range events {
		c.Render(-1, render.Data{ContentType: "text/event-stream", Data: []byte("data: " + e + "\n\n")})
		c.Writer.Flush()
	}
}

func renderTwice(c *gin.Context) {
	c.Render(http.StatusOK, render.Data{ContentType: "text/plain", Data: []byte("a")})
	c.Render(http.StatusOK, render.Data{ContentType: "text/plain", Data: []byte("b")}) // want `c.Render writes to the response after c.Render at line \d+, which completed the response and does not return`
}
