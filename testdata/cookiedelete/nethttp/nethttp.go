// want package:`sets "session", "prefs", "__Host-id", "__Secure-t", "embed", "flash", "rel"; deletes "other"}`

// Package nethttp holds cookiedelete cases for net/http handlers.
package nethttp

import (
	"net/http"
	"time"
)

const sessionName = "session"

func login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionName, Value: "v", Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	http.SetCookie(w, &http.Cookie{Name: "prefs", Value: "dark", Path: "/app", Domain: "example.com"})
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Value: "v", Path: "/", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "__Secure-t", Value: "v", Path: "/", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "embed", Value: "v", Path: "/", Secure: true, SameSite: http.SameSiteNoneMode})
	http.SetCookie(w, &http.Cookie{Name: "flash", Value: "saved"})
	// Browsers ignore a Path that does not start with "/".
	http.SetCookie(w, &http.Cookie{Name: "rel", Value: "v", Path: "app"})
}

func logout(w http.ResponseWriter, r *http.Request) {
	// The set site's attributes: deleted.
	http.SetCookie(w, &http.Cookie{Name: "session", Path: "/", MaxAge: -1})
	http.SetCookie(w, &http.Cookie{Name: "session", Path: "/", Expires: time.Unix(0, 0)})

	http.SetCookie(w, &http.Cookie{Name: "session", MaxAge: -1})                                        // want `cookie "session" is deleted without Path \(the browser then takes the directory of the request's URL path\) but set with Path "/" at nethttp/nethttp.go:14: a browser deletes a cookie only when its Path and Domain match, so it keeps this one; delete it with Path "/"`
	http.SetCookie(w, &http.Cookie{Name: "session", Path: "/api", Expires: time.Now().Add(-time.Hour)}) // want `cookie "session" is deleted with Path "/api" but set with Path "/" at`

	http.SetCookie(w, &http.Cookie{Name: "prefs", Path: "/app", MaxAge: -1}) // want `cookie "prefs" is deleted without Domain but set with Domain "example.com" at .*; delete it with Domain "example.com"`
	http.SetCookie(w, &http.Cookie{Name: "prefs", MaxAge: -1})               // want `cookie "prefs" is deleted without Path \(.*\) and without Domain but set with Path "/app" and with Domain "example.com"`
	// Browsers ignore a leading dot and the case of a domain.
	http.SetCookie(w, &http.Cookie{Name: "prefs", Path: "/app", Domain: ".Example.com", MaxAge: -1})

	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Path: "/", MaxAge: -1})                // want `cookie "__Host-id" has the __Host- prefix but is deleted without Secure: browsers reject such a Set-Cookie, so the cookie stays; set Secure: true`
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Path: "/", Secure: true, MaxAge: -1})  // a Secure deletion of a __Host- cookie
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Path: "/x", Secure: true, MaxAge: -1}) // want `cookie "__Host-id" is deleted with Path "/x" but set with Path "/"`
	http.SetCookie(w, &http.Cookie{Name: "__Secure-t", Path: "/", MaxAge: -1})               // want `cookie "__Secure-t" has the __Secure- prefix but is deleted without Secure`

	http.SetCookie(w, &http.Cookie{Name: "embed", Path: "/", SameSite: http.SameSiteNoneMode, MaxAge: -1}) // want `cookie "embed" is deleted with SameSite=None but without Secure: browsers reject such a Set-Cookie, so the cookie stays; set Secure: true`
	http.SetCookie(w, &http.Cookie{Name: "embed", Path: "/", SameSite: http.SameSiteNoneMode, Secure: true, MaxAge: -1})

	// Set and deleted without Path: the same default, as far as the
	// code says.
	http.SetCookie(w, &http.Cookie{Name: "flash", MaxAge: -1})
	http.SetCookie(w, &http.Cookie{Name: "rel", MaxAge: -1})
	// Never set in the program: not judged.
	http.SetCookie(w, &http.Cookie{Name: "other", Path: "/x", MaxAge: -1})
	// A computed Path is assumed deliberate.
	http.SetCookie(w, &http.Cookie{Name: "session", Path: r.URL.Path, MaxAge: -1})
}

// Later field assignments count.
func logoutAssigned(w http.ResponseWriter) {
	c := &http.Cookie{Name: "session"}
	c.MaxAge = -1
	c.Path = "/"
	http.SetCookie(w, c)

	d := &http.Cookie{Name: "session"} // the literal is related information
	d.MaxAge = -1
	http.SetCookie(w, d) // want `cookie "session" is deleted without Path`
}

// MaxAge 0 sends no Max-Age: the cookie stays.
func clearZero(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", Path: "/", MaxAge: 0}) // want `cookie "session" is written with an empty value and MaxAge 0 as if that deleted it, but MaxAge 0 sends no Max-Age: the browser keeps the cookie until it closes; set MaxAge: -1`
	// MaxAge left out: a cookie written on purpose, not a deletion.
	http.SetCookie(w, &http.Cookie{Name: "flash", Value: ""})
}

// A deletion followed by a new cookie of the same name replaces it.
func renew(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session", MaxAge: -1})
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v2", Path: "/", MaxAge: 0, HttpOnly: true, Secure: true})
}

// expire deletes any cookie; its callers name it.
func expire(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, MaxAge: -1})
}

func logoutHelper(w http.ResponseWriter) {
	expire(w, "session") // want `cookie "session" \(through nethttp.expire\) is deleted without Path`
	expire(w, "flash")
}

// clearSession deletes a cookie it names itself: judged once, here.
func clearSession(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session", Path: "/api", MaxAge: -1}) // want `cookie "session" is deleted with Path "/api"`
}

func logoutThroughClear(w http.ResponseWriter) {
	clearSession(w)
}
