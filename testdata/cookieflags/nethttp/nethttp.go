// Package nethttp holds cookieflags cases for net/http handlers.
package nethttp

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

const sessionName = "session_id"

func login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v"}) // want `cookie "session" is set without HttpOnly` `cookie "session" is set without Secure` `cookie "session" is set without SameSite`

	http.SetCookie(w, &http.Cookie{Name: sessionName, Value: "v", HttpOnly: true, Secure: true}) // want `cookie "session_id" is set without SameSite: .*; set SameSite: http.SameSiteLaxMode`

	http.SetCookie(w, &http.Cookie{ // want `cookie "auth_token" is set without Secure`
		Name:     "auth_token",
		Value:    "v",
		HttpOnly: true,
		Secure:   false,
		SameSite: http.SameSiteStrictMode,
	})

	// SameSiteDefaultMode writes no attribute at all.
	http.SetCookie(w, &http.Cookie{Name: "jwt", HttpOnly: true, Secure: true, SameSite: http.SameSiteDefaultMode}) // want `cookie "jwt" is set without SameSite`
}

// Later field assignments count; the report is at the sink, with the
// literal as related information.
func laterFields(w http.ResponseWriter, r *http.Request) {
	c := &http.Cookie{Name: "refresh_token", Value: "v"}
	c.HttpOnly = true
	c.SameSite = http.SameSiteLaxMode
	http.SetCookie(w, c) // want `cookie "refresh_token" is set without Secure`

	ck := new(http.Cookie)
	ck.Name = "remember_me"
	ck.Value = "1"
	ck.Expires = time.Now().Add(24 * time.Hour)
	ck.Secure = true
	ck.SameSite = http.SameSiteLaxMode
	http.SetCookie(w, ck) // want `cookie "remember_me" is set without HttpOnly`

	var v http.Cookie
	v.Name = "sid"
	v.HttpOnly, v.Secure, v.SameSite = true, true, http.SameSiteLaxMode
	http.SetCookie(w, &v)
}

// Raw Set-Cookie headers are parsed, including fmt.Sprintf formats and
// concatenations.
func rawHeaders(w http.ResponseWriter, r *http.Request, tok string) {
	w.Header().Set("Set-Cookie", "access_token=abc; Path=/; Secure; SameSite=Lax")                 // want `cookie "access_token" is set without HttpOnly: .*; add "; HttpOnly" to the header value`
	w.Header().Add("Set-Cookie", fmt.Sprintf("sessid=%s; Path=/; HttpOnly; SameSite=Strict", tok)) // want `cookie "sessid" is set without Secure`
	w.Header().Add("set-cookie", "login="+tok+"; HttpOnly; Secure; SameSite=Lax")
	h := w.Header()
	h.Add("Set-Cookie", "theme=dark; SameSite=None") // want `cookie "theme" has SameSite=None without Secure: browsers reject such cookies`
	// A format that leaves the attributes to run time is deliberate.
	w.Header().Add("Set-Cookie", fmt.Sprintf("session=%s; %s", tok, attrs()))
	// Request headers are not responses.
	r.Header.Set("Set-Cookie", "session=x")
}

func attrs() string { return "HttpOnly; Secure; SameSite=Lax" }

// Any cookie with a prefix browsers enforce.
func prefixes(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "__Host-lang", Value: "en", Secure: true})                                  // want `cookie "__Host-lang" has the __Host- prefix but its Path is not "/"`
	http.SetCookie(w, &http.Cookie{Name: "__Host-pref", Value: "x", Secure: true, Path: "/", Domain: "example.com"}) // want `cookie "__Host-pref" has the __Host- prefix but sets Domain`
	http.SetCookie(w, &http.Cookie{Name: "__Secure-pref", Value: "x"})                                               // want `cookie "__Secure-pref" has the __Secure- prefix but not Secure`
	http.SetCookie(w, &http.Cookie{Name: "__Host-ok", Value: "x", Secure: true, Path: "/"})
}

// Negatives: correct cookies, non-sensitive names, CSRF tokens, deletion
// cookies, and flags computed at run time.
func negatives(w http.ResponseWriter, r *http.Request, secure bool) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark"})
	http.SetCookie(w, &http.Cookie{Name: "sidebar_collapsed", Value: "1"})
	http.SetCookie(w, &http.Cookie{Name: "csrf_token", Value: "t", Secure: true, SameSite: http.SameSiteStrictMode})
	http.SetCookie(w, &http.Cookie{Name: "XSRF-TOKEN", Value: "t", Secure: true, SameSite: http.SameSiteLaxMode})
	http.SetCookie(w, &http.Cookie{Name: "authExpiry", Value: "1700000000", Secure: true, SameSite: http.SameSiteLaxMode})
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", Path: "/", MaxAge: -1, Secure: true})
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: "", Expires: time.Unix(0, 0), Secure: true})
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", Path: "/"}) // cleared: nothing to protect
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode})
	c := &http.Cookie{Name: "token", Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode}
	if r.TLS != nil {
		c.Secure = true
	}
	http.SetCookie(w, c)
}

// The request's cookie, set again as it came, has none of its flags.
func resend(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, cookieFrom(r)) // want `cookie "session" is set without HttpOnly` `cookie "session" is set without Secure` `cookie "session" is set without SameSite`
}

func cookieFrom(r *http.Request) *http.Cookie {
	c, _ := r.Cookie("session")
	return c
}

// A variable whose name says session counts when the cookie name is
// computed.
type config struct{ SessionCookieName string }

func named(w http.ResponseWriter, cfg config) {
	http.SetCookie(w, &http.Cookie{Name: cfg.SessionCookieName, Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie named by SessionCookieName is set without Secure`
}

// Factories build cookies for their callers.
func newSessionCookie(value string) *http.Cookie {
	return &http.Cookie{Name: "session", Value: value, Secure: true, SameSite: http.SameSiteLaxMode} // the report is at each SetCookie
}

func useFactory(w http.ResponseWriter) {
	http.SetCookie(w, newSessionCookie("v")) // want `cookie "session" is set without HttpOnly`
}

// A factory may return an error or a bool as well: the result of cookie
// type is the cookie, and its error paths, which return nil or a zero
// cookie, build none.
const aghSession = "agh_session"

func newErrCookie(user string) (c *http.Cookie, err error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	return &http.Cookie{Name: aghSession, Value: "v", Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode}, nil
}

func newSafeErrCookie(user string) (*http.Cookie, error) {
	if user == "" {
		return nil, errors.New("no user")
	}
	return &http.Cookie{Name: aghSession, Value: "v", Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}, nil
}

func newValueCookie(user string) (http.Cookie, bool) {
	if user == "" {
		return http.Cookie{}, false
	}
	return http.Cookie{Name: "auth", Value: user, HttpOnly: true, Secure: true}, true
}

// Fields set before the return count; so does a bare return of a named
// result, and a return of another factory's results.
func newAssignedCookie(user string) (c *http.Cookie, err error) {
	if user == "" {
		err = errors.New("no user")
		return
	}
	c = &http.Cookie{Name: "session", Value: user, SameSite: http.SameSiteLaxMode}
	c.Secure = true
	return
}

func forwardErrCookie(user string) (*http.Cookie, error) {
	return newErrCookie(user)
}

func useErrFactory(w http.ResponseWriter, r *http.Request) {
	cookie, err := newErrCookie(r.FormValue("u"))
	if err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	http.SetCookie(w, cookie) // want `cookie "agh_session" is set without Secure`
	safe, err := newSafeErrCookie(r.FormValue("u"))
	if err != nil {
		return
	}
	http.SetCookie(w, safe)
	if v, ok := newValueCookie(r.FormValue("u")); ok {
		http.SetCookie(w, &v) // want `cookie "auth" is set without SameSite`
	}
	var assigned, _ = newAssignedCookie("u")
	http.SetCookie(w, assigned) // want `cookie "session" is set without HttpOnly`
	fwd, _ := forwardErrCookie("u")
	http.SetCookie(w, fwd) // want `cookie "agh_session" is set without Secure`
	fixed, err := newErrCookie("u")
	if err != nil {
		return
	}
	fixed.Secure = true
	http.SetCookie(w, fixed)
}

// ServeHTTP methods and closures are handlers too.
type h struct{}

func (h) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "auth" is set without Secure`
}

func routes(mux *http.ServeMux) {
	mux.Handle("/x", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "token", Value: "v", Secure: true, SameSite: http.SameSiteLaxMode}) // want `cookie "token" is set without HttpOnly`
	}))
}

// A boolean hint for scripts holds no secret, whatever its name.
func hint(w http.ResponseWriter, loggedIn bool) {
	http.SetCookie(w, &http.Cookie{Name: "app.session.present", Value: "true", Secure: true, SameSite: http.SameSiteLaxMode})
	http.SetCookie(w, &http.Cookie{Name: "has_session", Value: strconv.FormatBool(loggedIn), Secure: true, SameSite: http.SameSiteLaxMode})
}

// A cookie name held in a field set by a constructor is followed, and the
// constant part of a computed name describes it.
type tokenCookies struct{ cookieName string }

func newTokenCookies(id string) *tokenCookies {
	return &tokenCookies{cookieName: "sessionid-" + id}
}

func (m *tokenCookies) create(w http.ResponseWriter, sid string) {
	http.SetCookie(w, &http.Cookie{Name: m.cookieName, Value: sid, Secure: true, SameSite: http.SameSiteLaxMode}) // want `cookie named by sessionid-id is set without HttpOnly`
}

type settings struct{ UseTLS bool }

// Secure left off where the program's TLS setting says the site is
// served over plain HTTP is the program's choice: a Secure cookie would
// never come back. Outside such a branch it is reported.
func plainHTTP(w http.ResponseWriter, r *http.Request, cfg settings) {
	if r.TLS == nil {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
	if !cfg.UseTLS {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: false, SameSite: http.SameSiteLaxMode})
	} else if r.URL.Query().Get("remember") != "" {
		http.SetCookie(w, &http.Cookie{Name: "remember", Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
	if r.Method == http.MethodPost {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `cookie "session" is set without Secure`
	}
}

// A cookie read from the request carries its name and value only: set
// again on the response, it has none of the attributes it was set with.
func extendSession(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		return
	}
	c.MaxAge = 3600
	http.SetCookie(w, c) // want `cookie "session" is set without HttpOnly` `cookie "session" is set without Secure` `cookie "session" is set without SameSite`
}

// Set again with its flags, or deleted, it is not reported here.
func extendSessionFlagged(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		return
	}
	c.MaxAge = 3600
	c.HttpOnly = true
	c.Secure = true
	c.SameSite = http.SameSiteLaxMode
	http.SetCookie(w, c)
	d, _ := r.Cookie("session")
	d.MaxAge = -1
	http.SetCookie(w, d)
}
