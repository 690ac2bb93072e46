// Package cookieflags defines an Analyzer that reports cookies set without
// HttpOnly, Secure or SameSite.
//
// # Analyzer cookieflags
//
// cookieflags: report session and auth cookies set without HttpOnly, Secure or SameSite
//
// A cookie whose name says it carries a session or credentials (sess, sid,
// auth, token, jwt, access, refresh, remember, login, identity,
// credential, secret, totp; CSRF/XSRF cookies excepted, since
// double-submit designs read them from JavaScript), and every
// gorilla/sessions store, must be
// HttpOnly, so that an XSS bug cannot read it; Secure, so that it never
// travels over plain HTTP; and carry SameSite, so that browsers that do
// not default to Lax do not send it with cross-site requests. Deleting
// cookies (MaxAge < 0, Expires in the past) are not reported at all:
// whether a deletion deletes is another question than how a live cookie
// is protected. Nor is a cookie without Secure set in a branch of an if
// whose condition reads the program's TLS setting (if r.TLS == nil, if
// !cfg.UseTLS): over plain HTTP a Secure cookie would never come back.
//
// For every cookie, SameSite=None without Secure (rejected by browsers)
// and __Secure-/__Host- prefixed cookies that browsers would drop (no
// Secure; for __Host-, a Path other than "/" or a Domain) are reported.
//
// Cookies are found in http.SetCookie, Set-Cookie headers (constant
// strings, concatenations and fmt.Sprintf formats), gin's SetCookie and
// SetCookieData, echo's SetCookie, fiber's Cookie, hertz's SetCookie and
// gorilla/sessions store options, through variables, later field assignments, cookie
// factories and helpers in any package. Each framework's defaults count:
// fiber writes SameSite=Lax when none is given and Secure for
// SameSite=None, hertz Secure for SameSite=None and "/" for an empty path; sessions.NewCookieStore defaults to Secure and
// SameSite=None but not HttpOnly.
//
// Categories: httponly, secure, samesite, prefix. Flags: -names, the
// regular expression that marks a cookie name sensitive; -all, report
// missing HttpOnly and Secure on every cookie.
package cookieflags
