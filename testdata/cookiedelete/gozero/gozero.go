// want package:`sets "session"}`

// Package gozero holds cookiedelete cases for go-zero handlers, which
// write net/http cookies.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest"
)

func login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", Path: "/", Domain: "example.com", Secure: true, HttpOnly: true})
}

func logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Path: "/", Domain: "example.com", MaxAge: -1}) // the set site's attributes
	http.SetCookie(w, &http.Cookie{Name: "session", Path: "/", MaxAge: -1})                        // want `cookie "session" is deleted without Domain but set with Domain "example.com"`
}

func routes(server *rest.Server) {
	server.AddRoutes([]rest.Route{
		{Method: http.MethodPost, Path: "/login", Handler: login},
		{Method: http.MethodPost, Path: "/logout", Handler: logout},
	})
}
