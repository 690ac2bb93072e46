// Package helpers reads the origin and sets CORS headers for handlers in
// other packages: what they do reaches their callers through facts.
package helpers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// GinOrigin returns the Origin header of a gin request.
func GinOrigin(c *gin.Context) string { // want GinOrigin:"returns Origin"
	if o := c.GetHeader("Origin"); o != "" {
		return o
	}
	return ""
}

// Origin returns the request's Origin header.
func Origin(r *http.Request) string { // want Origin:"returns Origin"
	return r.Header.Get("Origin")
}

// Allow lets origin read the response with credentials; its callers
// decide whether origin was checked.
func Allow(w http.ResponseWriter, origin string) {
	w.Header().Add("Vary", "Origin")
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

// AllowRequest lets the request's own origin read the response: reported
// here, not at its callers.
func AllowRequest(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin")) // want `without an allow-list check`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}
