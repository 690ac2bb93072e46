// Package ginmw sets gin's SameSite in a middleware: handlers' cookies
// are then not reported for SameSite.
package ginmw

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func sameSite(c *gin.Context) {
	c.SetSameSite(http.SameSiteLaxMode)
	c.Next()
}

func login(c *gin.Context) {
	c.SetCookie("session", "v", 3600, "/", "", true, true)
}
