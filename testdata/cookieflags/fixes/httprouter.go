package fixes

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
)

func routerLogin(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want "Secure"
}
