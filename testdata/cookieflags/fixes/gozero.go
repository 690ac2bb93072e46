package fixes

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest/httpx"
)

func zeroLogin(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "refresh_token", Value: "v", Path: "/", Secure: true, SameSite: http.SameSiteStrictMode}) // want "HttpOnly"
	httpx.Ok(w)
}
