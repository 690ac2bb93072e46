package gin

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

// --- a status set once, under a first-time flag, in a streaming loop ---

// The flag is set in the block it guards, and the guard comes before the
// write of each iteration: once a write happened, the block has run and
// never runs again. Neither the header nor the status is late.
func streamOnce(chunks <-chan []byte, done <-chan struct{}, version string) gin.HandlerFunc {
	return func(c *gin.Context) {
		committed := false
		for {
			select {
			case b := <-chunks:
				if !committed {
					c.Header("X-Plugin", version)
					c.Status(http.StatusAccepted)
					committed = true
				}
				_, _ = c.Writer.Write(b)
			case <-done:
				return
			}
		}
	}
}

// The same with the flag compared with false.
func streamOnceEq(c *gin.Context, chunks <-chan []byte) {
	var started bool
	for b := range chunks {
		if started == false {
			c.Header("X-Chunks", strconv.Itoa(len(chunks)))
			c.Status(http.StatusPartialContent)
			started = true
		}
		_, _ = c.Writer.Write(b)
	}
}

// A flag that starts true and is cleared by the block it guards.
func streamFirst(c *gin.Context, chunks [][]byte) {
	first := true
	for _, b := range chunks {
		if first {
			c.Status(http.StatusAccepted)
			first = false
		}
		_, _ = c.Writer.Write(b)
	}
}

// Another case writes without passing the guard: its write can come
// before the block runs.
func streamOtherCase(chunks <-chan []byte, pings <-chan struct{}, version string) gin.HandlerFunc {
	return func(c *gin.Context) {
		committed := false
		for {
			select {
			case b := <-chunks:
				if !committed {
					c.Header("X-Plugin", version) // want `header "X-Plugin" is set after c.Writer.Write at line \d+ sent the response header`
					c.Status(http.StatusAccepted) // want `status 202 is set after c.Writer.Write at line \d+ sent the response header`
					committed = true
				}
				_, _ = c.Writer.Write(b)
			case <-pings:
				_, _ = c.Writer.Write([]byte("\n"))
			}
		}
	}
}

// The loop clears the flag again: the block runs after a write.
func streamReset(c *gin.Context, chunks <-chan []byte) {
	committed := false
	for b := range chunks {
		if !committed {
			c.Status(http.StatusAccepted) // want `status 202 is set after c.Writer.Write at line \d+ sent the response header`
			committed = true
		}
		_, _ = c.Writer.Write(b)
		if len(b) == 0 {
			committed = false
		}
	}
}
