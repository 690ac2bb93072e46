// Package gin holds lateheader's gin cases.
package gin

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

type item struct{ ID string }

func find(id string) (item, error) {
	if id == "" {
		return item{}, errors.New("not found")
	}
	return item{ID: id}, nil
}

func Routes() *gin.Engine {
	r := gin.New()
	r.GET("/items/:id", getItem)
	return r
}

// --- positives ---

func getItem(c *gin.Context) {
	it, err := find(c.Param("id"))
	if err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": err.Error()})
	}
	c.JSON(http.StatusOK, it) // want `c.JSON writes to the response after c.JSON at line \d+, which completed the response and does not return: the output is appended to that response; return after c.JSON`
}

func headerAfterJSON(c *gin.Context) {
	c.JSON(http.StatusOK, item{})
	c.Header("X-Request-Id", "1") // want `header "X-Request-Id" is set after c.JSON at line \d+ sent the response header: gin sends the header with the first body write and ignores later changes, so the header is dropped`
}

func cookieAfterString(c *gin.Context) {
	c.String(http.StatusOK, "hello %s", "you")
	c.SetCookie("seen", "1", 3600, "/", "", true, true) // want `cookie "seen" is set after c.String at line \d+ sent the response header: gin sends`
}

func statusAfterData(c *gin.Context) {
	c.Data(http.StatusOK, "text/plain", []byte("x"))
	c.Status(http.StatusAccepted) // want `status 202 is set after c.Data at line \d+ sent the response header: the status line is already sent, so gin keeps the different status already sent and logs "\[WARNING\] Headers were already written"`
}

// gin ignores a status equal to the one sent, without a warning.
func sameStatusAfterJSON(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"ok": true})
	c.Status(http.StatusOK)
}

var page = template.Must(template.New("page").Parse("{{.}}"))

// A template written with no status set sends gin's default 200: the
// same 200 again changes nothing. After another status, 200 is dropped.
func defaultStatusAfterTemplate(c *gin.Context) {
	c.Header("Content-Type", "text/javascript")
	if err := page.Execute(c.Writer, nil); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusOK)
}

func statusAfterTemplate(c *gin.Context) {
	c.Status(http.StatusAccepted)
	page.Execute(c.Writer, nil)
	c.Status(http.StatusOK) // want `status 200 is set after page.Execute at line \d+ sent the response header`
}

func afterWriterWrite(c *gin.Context) {
	c.Writer.Write([]byte("raw"))
	c.Writer.Header().Set("Content-Type", "text/plain") // want `header "Content-Type" is set after c.Writer.Write`
}

func afterAbort(c *gin.Context) {
	c.AbortWithStatus(http.StatusUnauthorized)
	c.Header("WWW-Authenticate", `Bearer realm="api"`) // want `header "Www-Authenticate" is set after c.AbortWithStatus`
}

func afterRedirect(c *gin.Context) {
	c.Redirect(http.StatusFound, "/login")
	c.SetCookie("next", "/items", 0, "/", "", true, true) // want `cookie "next" is set after c.Redirect`
}

func afterFprintf(c *gin.Context) {
	fmt.Fprintf(c.Writer, "count: %d", 3)
	c.Header("X-Count", "3") // want `header "X-Count" is set after fmt.Fprintf`
}

func afterEncode(c *gin.Context) {
	json.NewEncoder(c.Writer).Encode(item{})
	c.Header("Cache-Control", "no-store") // want `header "Cache-Control" is set after json.NewEncoder\(c.Writer\).Encode`
}

func abortWithoutReturn(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "unauthorized"})
	}
	c.Header("X-User", "anonymous") // want `header "X-User" is set after c.AbortWithStatusJSON at line \d+, which completed the response and does not return`
	c.String(http.StatusOK, "hi")
}

func abortWithError(c *gin.Context) {
	if _, err := find(c.Param("id")); err != nil {
		c.AbortWithError(http.StatusNotFound, err)
	}
	c.String(http.StatusOK, "found") // want `c.String writes to the response after c.AbortWithError at line \d+ sent the response header: its status and headers are dropped`
}

// AbortWithError sends the status and writes no body: what follows is
// that response's body.
func abortWithErrorBody(c *gin.Context) {
	if _, err := find(c.Param("id")); err != nil {
		_ = c.AbortWithError(http.StatusNotFound, err)
		_, _ = c.Writer.WriteString(err.Error())
		return
	}
	c.String(http.StatusOK, "found")
}

func timing() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		c.Header("X-Elapsed", time.Since(start).String()) // want `header "X-Elapsed" is set after c.Next at line \d+ ran the handler`
	}
}

// The last handler of a route that calls c.Next() after answering on
// every path: there is no next handler to run.
func createItem(c *gin.Context) {
	if c.Query("name") == "" {
		c.JSON(http.StatusBadRequest, gin.H{"error": "no name"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
	c.Next()
}

// An auth middleware that answers 401 and still runs the handler.
func requireToken(c *gin.Context) {
	if c.GetHeader("X-Token") == "" {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "no token"})
	}
	c.Next() // want `c.Next runs the next handler after c.JSON at line \d+, which completed the response and does not return: the next handler still runs`
}

// After c.Abort() (or an AbortWith call), c.Next() runs no handler.
func abortThenNext(c *gin.Context) {
	if c.GetHeader("X-Token") == "" {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "no token"})
		c.Abort()
	}
	c.Next()
}

func abortJSONThenNext(c *gin.Context) {
	if c.GetHeader("X-Token") == "" {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "no token"})
	}
	c.Next()
}

// --- negatives ---

// gin only records c.Status (and c.Writer.WriteHeader) until the first
// write, so headers set after them are sent.
func statusThenHeader(c *gin.Context) {
	c.Status(http.StatusCreated)
	c.Header("Location", "/items/1")
	c.Writer.WriteHeader(http.StatusCreated)
	c.Header("X-Id", "1")
	c.JSON(http.StatusCreated, item{ID: "1"})
}

func returns(c *gin.Context) {
	it, err := find(c.Param("id"))
	if err != nil {
		c.AbortWithStatusJSON(http.StatusNotFound, gin.H{"error": err.Error()})
		return
	}
	c.Header("Cache-Control", "private")
	c.JSON(http.StatusOK, it)
}

func branches(c *gin.Context) {
	if c.Query("raw") != "" {
		c.Header("Content-Type", "text/plain")
	} else {
		c.JSON(http.StatusOK, item{})
	}
}

// A middleware that asks whether the handler wrote.
func fallback(c *gin.Context) {
	c.Next()
	if !c.Writer.Written() {
		c.Header("X-Fallback", "1")
		c.JSON(http.StatusNotFound, gin.H{"error": "not found"})
	}
}

// Middleware: headers before c.Next are sent with the handler's output.
func security() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("X-Frame-Options", "DENY")
		c.Next()
	}
}

// Server-sent events: each event sets the Content-Type already sent.
func ginEvents(c *gin.Context) {
	for i := 0; i < 3; i++ {
		c.Header("Content-Type", "text/event-stream")
		c.Writer.Write([]byte("data: tick\n\n"))
		c.Writer.Flush()
	}
}

// An error answer in a loop that goes on: the next iteration answers
// again.
func retryItems(c *gin.Context) {
	for _, id := range c.QueryArray("id") {
		if _, err := find(id); err != nil {
			c.JSON(http.StatusNotFound, gin.H{"error": err.Error()}) // want `c.JSON writes to the response after c.JSON in an earlier iteration of the loop, which completed the response`
			continue
		}
	}
}

// The default 200 sent by raw writes, on the path that did not return
// with an error answer: setting 200 again changes nothing.
func jwks(c *gin.Context) {
	keys, err := loadKeys()
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"message": "no keys"})
		return
	}
	c.Header("Content-Type", "application/json")
	c.Writer.Write(keys)
	c.Status(http.StatusOK)
}

// Without the return, the 500 may be what was sent.
func jwksFallsThrough(c *gin.Context) {
	keys, err := loadKeys()
	if err != nil {
		c.Status(http.StatusInternalServerError)
	}
	c.Writer.Write(keys)
	c.Status(http.StatusOK) // want `status 200 is set after c.Writer.Write at line \d+ sent the response header`
}

func loadKeys() ([]byte, error) { return []byte("{}"), nil }
