// Package gin sets CORS headers by hand and through gin-contrib/cors.
package gin

import (
	"strings"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

var allowed = map[string]bool{"https://app.example.com": true}

func reflectAll(c *gin.Context) {
	c.Header("Access-Control-Allow-Origin", c.GetHeader("Origin")) // want `without an allow-list check` `without Vary: Origin`
	c.Header("Access-Control-Allow-Credentials", "true")
}

func middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		origin := c.Request.Header.Get("Origin")
		c.Writer.Header().Add("Vary", "Origin")
		if strings.HasSuffix(origin, "example.com") {
			c.Header("Access-Control-Allow-Origin", origin) // want `after strings.HasSuffix`
			c.Header("Access-Control-Allow-Credentials", "true")
		}
		c.Next()
	}
}

func checked(c *gin.Context) {
	c.Writer.Header().Add("Vary", "Origin")
	if origin := c.GetHeader("Origin"); allowed[origin] {
		c.Header("Access-Control-Allow-Origin", origin)
		c.Header("Access-Control-Allow-Credentials", "true")
	}
}

func wildcard(c *gin.Context) {
	c.Header("Access-Control-Allow-Origin", "*") // want `browsers refuse`
	c.Header("Access-Control-Allow-Credentials", "true")
}

func routes(r *gin.Engine) {
	r.Use(cors.New(cors.Config{AllowAllOrigins: true, AllowCredentials: true}))       // want `gin-contrib/cors allows every origin with credentials, and so sends Access-Control-Allow-Origin "\*"`
	r.Use(cors.New(cors.Config{AllowOrigins: []string{"*"}, AllowCredentials: true})) // want `gin-contrib/cors allows every origin with credentials`
	r.Use(cors.New(cors.Config{
		AllowOriginFunc:  func(origin string) bool { return true }, // want `gin-contrib/cors's AllowOriginFunc accepts every origin, with credentials`
		AllowCredentials: true,
	}))
	r.Use(cors.New(cors.Config{
		AllowOriginFunc: func(origin string) bool { // want `AllowOriginFunc accepts origins with strings.HasSuffix\(origin, "example.com"\)`
			return strings.HasSuffix(origin, "example.com")
		},
		AllowCredentials: true,
	}))
	// "null" fails Validate: New panics at start-up.
	r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://app.example.com", "null"}, AllowCredentials: true}))

	r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://*example.com"}, AllowWildcard: true, AllowCredentials: true})) // want `gin-contrib/cors allows origins matching "https://\*example.com"`

	config := cors.DefaultConfig()
	config.AllowAllOrigins = true
	config.AllowCredentials = true
	r.Use(cors.New(config)) // want `gin-contrib/cors allows every origin with credentials`

	// Negatives: a list, no credentials, and a configuration that
	// panics at start-up (AllowAllOrigins with a list).
	r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://app.example.com"}, AllowCredentials: true}))
	r.Use(cors.New(cors.Config{AllowAllOrigins: true}))
	// Without AllowWildcard, "*" in an origin is no pattern.
	r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://*example.com"}, AllowCredentials: true}))
	r.Use(cors.Default())
	r.Use(cors.New(cors.Config{AllowAllOrigins: true, AllowOrigins: []string{"https://app.example.com"}, AllowCredentials: true}))
	r.Use(cors.New(cors.Config{
		AllowOriginFunc:  func(origin string) bool { return allowed[origin] },
		AllowCredentials: true,
	}))
	r.Use(cors.New(cors.Config{
		AllowOriginFunc: func(origin string) bool {
			return strings.HasPrefix(origin, "https://") && strings.HasSuffix(origin, ".example.com")
		},
		AllowCredentials: true,
	}))
}
