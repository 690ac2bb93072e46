// Package cookiedelete defines an Analyzer that reports cookie deletions
// the browser ignores.
//
// # Analyzer cookiedelete
//
// cookiedelete: report cookie deletions that do not delete the cookie
//
// A browser removes a cookie only when the deleting Set-Cookie has the
// stored cookie's name, Path and Domain, and is itself accepted. A
// deletion is a cookie with MaxAge < 0 or Expires in the past, a
// framework's clear helper (fiber's ClearCookie), gin's SetCookie with a
// negative maxAge, or gorilla/sessions Options with MaxAge < 0. Each is
// compared with where the program sets a cookie of the same name, in its
// package, the packages it imports, and the helpers and cookie factories
// it calls, with each framework's Path for an empty one (gin and fiber v3
// write "/"; net/http, echo, fiber v2 and fiber's ClearCookie write none,
// so the browser uses the directory of the request's URL path). It is
// reported when its Path or Domain matches no set site (categories path
// and domain); when it has the __Secure- or __Host- prefix but no Secure,
// or, for __Host-, a Path other than "/" or a Domain (prefix); when it
// has SameSite=None without Secure (samesite). A cookie written with an
// empty value and an explicit MaxAge of 0 is reported too (maxagezero):
// MaxAge 0 means no Max-Age attribute, so the browser keeps the cookie
// until it closes. A deletion in a package that sees the cookie set
// nowhere is judged in the importing packages that set it, and reported
// there at the set site. Cookies the program never sets are not judged,
// nor are attributes whose values are computed, nor a deletion that the
// same function follows with a new cookie of its name.
//
// Categories: path, domain, prefix, samesite, maxagezero. No flags.
package cookiedelete
