// want package:`sets "session"}`

// Package httprouter holds cookiedelete cases for httprouter handlers,
// which write net/http cookies.
package httprouter

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
)

func login(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", Path: "/", Secure: true, HttpOnly: true})
}

func logout(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	http.SetCookie(w, &http.Cookie{Name: "session", Path: "/", MaxAge: -1})     // the set site's Path
	http.SetCookie(w, &http.Cookie{Name: "session", Path: "/user", MaxAge: -1}) // want `cookie "session" is deleted with Path "/user" but set with Path "/"`
	http.SetCookie(w, &http.Cookie{Name: "session", MaxAge: -1})                // want `cookie "session" is deleted without Path`
}

func routes() *httprouter.Router {
	r := httprouter.New()
	r.POST("/login", login)
	r.POST("/user/logout", logout)
	return r
}
