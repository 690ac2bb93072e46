package httpfw

import "strings"

// FiberSessionV2 is the session middleware of fiber v2
// (github.com/gofiber/fiber/v2/middleware/session), at v2.52.15: a store
// made by New(config...) writes its session cookie when a session got
// from it is saved, with the store's Config.
const FiberSessionV2 Framework = 11

// PathFiberV2Session is its import path.
const PathFiberV2Session = pathFiberV2Session

// fiberSessionStore names the middleware's stores in messages. Its calls
// are fiberSession's, of framework 0, since they act on no response of
// their own.
func fiberSessionStore() spec {
	return spec{
		framework: FiberSessionV2, name: "fiber session", path: pathFiberV2Session,
		info: Info{
			Store: "fiber session store", StoreOptions: "session.Config",
			// setSession (session.go) writes SameSite Strict or None for
			// those strings, whatever their case, and Lax for any other,
			// "" included; fasthttp v1.69.0's Cookie.SetSameSite turns
			// Secure on for None.
			Cookie: CookieRules{SameSiteString: true, SecureIfNone: true},
		},
	}
}

// FiberSessionName is the session cookie's name when KeyLookup is left
// empty. fiber v2.52.15 gives a store made with no Config, or a Config
// that leaves them zero (config.go ConfigDefault and configDefault,
// session.go setSession), the KeyLookup "cookie:session_id", HttpOnly
// and Secure off (CookieHTTPOnly, CookieSecure false), SameSite Lax
// (CookieSameSite "") and no Path or Domain.
const FiberSessionName = "session_id"

// fiberSessionFields maps the fields of v2.52.15's session.Config that
// setSession writes into the cookie to the cookie fields they set, by
// their name in http.Cookie.
var fiberSessionFields = map[string]string{
	"CookieHTTPOnly":    "HttpOnly",
	"CookieSecure":      "Secure",
	"CookieSameSite":    "SameSite",
	"CookiePath":        "Path",
	"CookieDomain":      "Domain",
	"CookieSessionOnly": "SessionOnly",
}

// FiberSessionField returns the cookie field (as named in http.Cookie)
// that the session.Config field name sets, or "".
func FiberSessionField(name string) string { return fiberSessionFields[name] }

// FiberSessionConfigField returns the session.Config field that sets the
// cookie field named as in http.Cookie, or "".
func FiberSessionConfigField(cookieField string) string {
	for k, v := range fiberSessionFields {
		if v == cookieField {
			return k
		}
	}
	return ""
}

// FiberSessionLookup returns the KeyLookup that the session.Config field
// name set to value gives, and whether the field is one that names the
// key at all: KeyLookup, or the deprecated CookieName n, which
// configDefault (v2.52.15 config.go) turns into "cookie:n" and prefers.
// prefer says the field overrides the other.
func FiberSessionLookup(name, value string) (lookup string, prefer, ok bool) {
	switch name {
	case "KeyLookup":
		return value, false, true
	case "CookieName":
		if value == "" {
			return "", false, true
		}
		return "cookie:" + value, true, true
	}
	return "", false, false
}

// FiberSessionConfig is the name of the Config a fiber v2 session.Store
// embeds, through which its fields are set (store.CookieHTTPOnly).
const FiberSessionConfig = "Config"

// FiberSessionKey reads a KeyLookup of v2.52.15 ("<source>:<name>",
// config.go configDefault; the deprecated CookieName n is "cookie:n"):
// the cookie name, and whether a cookie is written at all. setSession
// writes the id in a header, and no cookie, for the source "header"; for
// "cookie" and "query" it writes a cookie. ok is false for a value New
// panics on.
func FiberSessionKey(lookup string) (name string, cookie, ok bool) {
	if lookup == "" {
		lookup = "cookie:" + FiberSessionName
	}
	parts := strings.Split(lookup, ":")
	if len(parts) != 2 {
		return "", false, false
	}
	switch parts[0] {
	case "cookie", "query":
		return parts[1], true, true
	case "header":
		return parts[1], false, true
	}
	return "", false, false
}
