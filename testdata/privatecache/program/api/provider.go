package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Provider hands out handlers built by a type other packages cannot
// name: they register them through the interface, so its methods carry
// the handlers' facts.
type Provider interface {
	ProfileHandler() http.HandlerFunc   // want ProfileHandler:`per-user missing`
	GinProfileHandler() gin.HandlerFunc // want GinProfileHandler:`per-user missing`
}

type provider struct{}

// NewProvider returns the handlers' provider.
func NewProvider() Provider { return &provider{} }

func (*provider) ProfileHandler() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, _ := r.Cookie("session")
		w.Write([]byte(c.Value))
	}
}

func (*provider) GinProfileHandler() gin.HandlerFunc {
	return func(c *gin.Context) {
		s, _ := c.Cookie("session")
		c.JSON(http.StatusOK, s)
	}
}
