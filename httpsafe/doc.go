// Package httpsafe holds the few response helpers that resplint's suggested
// fixes may call. It depends on the standard library only, so adding it to a
// program costs nothing but this package.
//
// It covers three things people get wrong when they build HTTP responses by
// hand:
//
//   - Cookies: [SessionCookie] and [DeleteCookie] return cookies that are
//     HttpOnly, Secure, SameSite=Lax and scoped to Path "/".
//   - Downloads: [Attachment] and [Inline] set a Content-Disposition header
//     whose file name is encoded per RFC 6266 and RFC 8187 (the successor of
//     RFC 5987), with no way for the name to inject anything into the header;
//     [ContentDisposition] returns the same header value as a string.
//   - Caching: [NoStore], [Private] and [Public] set Cache-Control;
//     [CacheControlNoStore], [CacheControlPrivate] and [CacheControlPublic]
//     return the same values as strings.
//
// # Frameworks
//
// The functions that write headers take a [Headerer], anything with a
// Header() http.Header method. That is http.ResponseWriter, gin's
// c.Writer, echo v4's c.Response() (*echo.Response) and echo v5's
// c.Response() (an http.ResponseWriter). For frameworks that set headers by
// string, such as fiber (which is built on fasthttp, not net/http), use the
// functions that return header values. None of these frameworks is imported
// here; the one-liners are:
//
//	// net/http
//	httpsafe.Attachment(w, name)
//	httpsafe.NoStore(w)
//	http.SetCookie(w, httpsafe.SessionCookie("session", token))
//
//	// gin
//	httpsafe.Attachment(c.Writer, name)
//	c.Header("Content-Disposition", httpsafe.ContentDisposition("attachment", name))
//	c.Header("Cache-Control", httpsafe.CacheControlNoStore)
//	c.SetCookieData(httpsafe.SessionCookie("session", token)) // or http.SetCookie(c.Writer, ...)
//
//	// echo (v4 and v5)
//	httpsafe.Attachment(c.Response(), name)
//	httpsafe.NoStore(c.Response())
//	c.SetCookie(httpsafe.SessionCookie("session", token))
//
//	// fiber (v2 and v3)
//	c.Set(fiber.HeaderContentDisposition, httpsafe.ContentDisposition("attachment", name))
//	c.Set(fiber.HeaderCacheControl, httpsafe.CacheControlNoStore)
//	c.Set(fiber.HeaderSetCookie, httpsafe.SessionCookie("session", token).String())
//
// In fiber, each c.Set of Set-Cookie adds one cookie (fasthttp keeps
// cookies apart from other headers), so the last line does not replace
// cookies set earlier.
package httpsafe
