// Package fixes holds the inputs of cookiedelete's suggested-fix golden
// tests.
package fixes

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/sessions"
)

func login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", Path: "/", HttpOnly: true, Secure: true})
	http.SetCookie(w, &http.Cookie{Name: "prefs", Value: "v", Path: "/app", Domain: "example.com"})
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Value: "v", Path: "/", Secure: true})
}

func logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", MaxAge: -1})               // want "without Path"
	http.SetCookie(w, &http.Cookie{Name: "session", Path: "/api", MaxAge: -1}) // want "with Path"
	http.SetCookie(w, &http.Cookie{Name: "prefs", Path: "/app", MaxAge: -1})   // want "without Domain"
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", Path: "/"})     // not a deletion
	http.SetCookie(w, &http.Cookie{Name: "session", Path: "/", MaxAge: 0})     // want "MaxAge 0"
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Path: "/", MaxAge: -1})  // want "prefix"
}

func ginLogin(c *gin.Context) {
	c.SetCookie("token", "v", 3600, "/", "", true, true)
}

func ginLogout(c *gin.Context) {
	c.SetCookie("token", "", -1, "/api", "", true, true) // want "with Path"
}

var store = sessions.NewCookieStore([]byte("key"))

func sessionLogin(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "app")
	s.Values["user"] = "u"
	s.Save(r, w)
}

func sessionLogout(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "app")
	s.Options = &sessions.Options{MaxAge: -1} // want "without Path"
	s.Save(r, w)
}
