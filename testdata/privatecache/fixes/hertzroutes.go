package fixes

import (
	"net/http"

	"github.com/cloudwego/hertz/pkg/app/server"
)

func hertzRoutes() {
	h := server.Default() // want "2 routes of this router or group"
	h.GET("/me", hertzUser)
	h.Handle(http.MethodGet, "/inbox", hertzUser)
}
