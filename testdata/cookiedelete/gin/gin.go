// want package:`sets "session", "__Host-id", "theme", "logged_in"; deletes "visited"}`

// Package gin holds cookiedelete cases for gin handlers.
package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func login(c *gin.Context) {
	c.SetCookie("session", "v", 3600, "", "", true, true) // gin writes Path "/" for ""
	c.SetCookie("__Host-id", "v", 3600, "/", "", true, true)
	c.SetCookie("theme", "dark", 3600, "/ui", "example.com", false, false)
	// An empty marker for the page's scripts, kept for an hour.
	c.SetCookie("logged_in", "", 3600, "/", "", true, false)
}

func logout(c *gin.Context) {
	// gin's "/" for an empty path is the set site's.
	c.SetCookie("session", "", -1, "", "", true, true)
	c.SetCookie("session", "", -1, "/", "", true, true)
	c.SetCookieData(&http.Cookie{Name: "session", MaxAge: -1})

	c.SetCookie("session", "", -1, "/api", "", true, true)           // want `cookie "session" is deleted with Path "/api" but set with Path "/" \(gin's for an empty path\) at gin/gin.go:13`
	c.SetCookie("session", "", -1, "/", "example.com", true, true)   // want `cookie "session" is deleted with Domain "example.com" but set without Domain at .*; delete it without Domain`
	c.SetCookie("theme", "", -1, "/ui", "", false, false)            // want `cookie "theme" is deleted without Domain but set with Domain "example.com"`
	c.SetCookie("theme", "", -1, "/ui", "example.com", false, false) // the set site's attributes
	c.SetCookie("session", "", 0, "/", "", true, true)               // want `cookie "session" is written with an empty value and MaxAge 0 as if that deleted it, .*; pass maxAge -1`
	c.SetCookie("__Host-id", "", -1, "/", "", false, true)           // want `cookie "__Host-id" has the __Host- prefix but is deleted without Secure: .*; pass secure=true to SetCookie`
	c.SetCookie("__Host-id", "", -1, "/", "", true, true)            // Secure: deleted
	// net/http beside gin writes no Path for an empty one.
	http.SetCookie(c.Writer, &http.Cookie{Name: "session", MaxAge: -1}) // want `cookie "session" is deleted without Path .* but set with Path "/" \(gin's for an empty path\)`
	c.SetCookie("logged_in", "", 0, "/", "", true, false)               // want `cookie "logged_in" is written with an empty value and MaxAge 0`
	// Never set here.
	c.SetCookie("visited", "", -1, "/x", "", false, false)
}
