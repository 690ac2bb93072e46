// Package httprouter holds cookieflags cases for httprouter handlers,
// which take the path's parameters third.
package httprouter

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
)

func login(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: ps.ByName("id"), Path: "/"}) // want `cookie "session" is set without HttpOnly` `cookie "session" is set without Secure` `cookie "session" is set without SameSite`
	w.Header().Add("Set-Cookie", "token=v; Path=/; Secure; SameSite=Lax")               // want `cookie "token" is set without HttpOnly`
}

func negatives(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark"})
}

func Routes() http.Handler {
	r := httprouter.New()
	r.GET("/login", login)
	r.Handle(http.MethodGet, "/", negatives)
	return r
}
