package fixes

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
)

func routerMe(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	c, _ := r.Cookie("session")
	w.Write([]byte(c.Value)) // want "without Cache-Control private or no-store"
}
