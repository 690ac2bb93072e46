package fiber2

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/session"
)

// fiber v2.52.15's session middleware writes its cookie on Save with the
// store's Config: HttpOnly and Secure off unless set, SameSite Lax
// unless set, so only HttpOnly and Secure are reported.
var store = session.New() // want `session cookie "session_id" of this fiber session store is set without HttpOnly: .*; give session.New a session.Config\{CookieHTTPOnly: true\}` `session cookie "session_id" of this fiber session store is set without Secure: .*; give session.New a session.Config\{CookieSecure: true\}`

var expiring = session.New(session.Config{Expiration: time.Hour, KeyLookup: "cookie:app_session"}) // want `session cookie "app_session" of this fiber session store is set without HttpOnly: .*; set CookieHTTPOnly: true in the session.Config given to session.New` `session cookie "app_session" of this fiber session store is set without Secure`

var hardened = session.New(session.Config{CookieHTTPOnly: true, CookieSecure: true, CookieSameSite: "Strict"})

// SameSite=None turns Secure on.
var crossSite = session.New(session.Config{CookieHTTPOnly: true, CookieSameSite: "none"})

// A header carries the session id: no cookie.
var headerStore = session.New(session.Config{KeyLookup: "header:X-Session"})

// A query parameter carries the session id, but setSession writes the
// cookie all the same: only a header source writes none.
var queryStore = session.New(session.Config{KeyLookup: "query:sid", CookieHTTPOnly: true}) // want `session cookie "sid" of this fiber session store is set without Secure`

// A Config from elsewhere may set anything.
var fromConfig = session.New(sessionConfig())

func sessionConfig() session.Config {
	return session.Config{CookieHTTPOnly: true, CookieSecure: true}
}

// The store embeds its Config.
var tuned = session.New() // want `session cookie "session_id" of this fiber session store is set without Secure`

func init() {
	tuned.CookieHTTPOnly = true
}

// No session is saved from it: it sets no cookie.
var unused = session.New()

func unusedStore() *session.Store { return unused }

func sessionLogin(c *fiber.Ctx) error {
	sess, err := store.Get(c)
	if err != nil {
		return err
	}
	sess.Set("uid", 1)
	return sess.Save()
}

func sessionHandlers(c *fiber.Ctx) error {
	s1, _ := expiring.Get(c)
	s1.Save()
	s2, _ := hardened.Get(c)
	s2.Save()
	s3, _ := crossSite.Get(c)
	s3.Save()
	s4, _ := headerStore.Get(c)
	s4.Save()
	s5, _ := fromConfig.Get(c)
	s5.Save()
	s7, _ := queryStore.Get(c)
	s7.Save()
	s6, _ := tuned.Get(c)
	return s6.Save()
}
