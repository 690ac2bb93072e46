// Package gozero holds cookieflags cases for go-zero handlers, which are
// net/http's.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/rest/httpx"
)

func login(w http.ResponseWriter, r *http.Request) {
	cookie := &http.Cookie{Name: "refresh_token", Value: "v", Path: "/", HttpOnly: true}
	http.SetCookie(w, cookie) // want `cookie "refresh_token" is set without Secure` `cookie "refresh_token" is set without SameSite`
	httpx.OkJson(w, map[string]string{"status": "ok"})
}

func negatives(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "refresh_token", Value: "v", Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: "en"})
	httpx.Ok(w)
}

func Register(server *rest.Server) {
	server.AddRoutes([]rest.Route{
		{Method: http.MethodPost, Path: "/login", Handler: login},
		{Method: http.MethodGet, Path: "/prefs", Handler: negatives},
	})
}
