package httpsafe

import (
	"net/http"
	"time"
)

// SessionCookie returns a cookie for a session identifier or any other
// value that scripts must not read: HttpOnly (no document.cookie access),
// Secure (sent over HTTPS only), SameSite=Lax (not sent on cross-site
// subrequests or cross-site POSTs) and Path "/" (sent with every request to
// the host). It has no Domain, so it is host-only, and no Expires or
// MaxAge, so it lasts until the browser session ends; set c.MaxAge on the
// result for a persistent cookie.
//
// Because it is Secure, has Path "/" and no Domain, the cookie satisfies the
// requirements of the "__Host-" name prefix (and of "__Secure-"), so a name
// such as "__Host-session" works and stops subdomains and plain-HTTP pages
// from overwriting it.
//
// Browsers store Secure cookies only from HTTPS origins, except that
// current browsers treat http://localhost as secure, so local development
// over plain HTTP on localhost still works.
//
// The name and value are used as given; SessionCookie never rewrites them,
// since the program reads the cookie back under the same name. The name
// must be a token (RFC 6265 section 4.1.1: ASCII letters, digits and
// !#$%&'*+-.^_`|~): for any other name, net/http's Cookie.String returns
// "" and http.SetCookie sends no header at all, never a malformed one.
// Bytes of the value outside 0x20-0x7E, and '"', ';' and '\', are not
// allowed in a cookie; net/http drops them (and logs that it did) when
// writing. Check a name or value you do not control with c.Valid(), and
// encode arbitrary data, for example with base64.RawURLEncoding.
//
// With net/http: http.SetCookie(w, httpsafe.SessionCookie(name, value)).
// With gin: c.SetCookieData(httpsafe.SessionCookie(name, value)) in recent
// versions, or http.SetCookie(c.Writer, httpsafe.SessionCookie(name, value))
// in any.
// With echo: c.SetCookie(httpsafe.SessionCookie(name, value)).
// With fiber: c.Set(fiber.HeaderSetCookie, httpsafe.SessionCookie(name, value).String()).
func SessionCookie(name, value string) *http.Cookie {
	return &http.Cookie{
		Name:     name,
		Value:    value,
		Path:     "/",
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	}
}

// DeleteCookie returns a cookie that makes the browser delete the cookie
// called name: an empty value, MaxAge -1 (sent as "Max-Age=0") and Expires
// at the Unix epoch for clients that ignore Max-Age. It has the attributes
// of [SessionCookie] (HttpOnly, Secure, SameSite=Lax, Path "/", no
// Domain), so it deletes a cookie set by SessionCookie, including one whose
// name has the "__Host-" prefix. A browser deletes a cookie only when name,
// Path and Domain all match: if you changed Path or set Domain on the
// original, set the same on the result.
//
// The name follows the same rules as in [SessionCookie].
func DeleteCookie(name string) *http.Cookie {
	return &http.Cookie{
		Name:     name,
		Value:    "",
		Path:     "/",
		Expires:  time.Unix(0, 0).UTC(),
		MaxAge:   -1,
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	}
}
