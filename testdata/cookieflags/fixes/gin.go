package fixes

import "github.com/gin-gonic/gin"

func ginLogin(c *gin.Context) {
	c.SetCookie("session", "v", 3600, "/", "", false, false) // want "HttpOnly" "Secure" "SameSite"
}
