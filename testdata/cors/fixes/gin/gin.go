// Package gin is fixed by adding Vary: Origin.
package gin

import "github.com/gin-gonic/gin"

var allowed = map[string]bool{"https://app.example.com": true}

func handler(c *gin.Context) {
	if origin := c.GetHeader("Origin"); allowed[origin] {
		c.Header("Access-Control-Allow-Origin", origin) // want `without Vary: Origin`
	}
}
