// Package cors defines an Analyzer that reports cross-origin responses
// that let any web site read them with the user's cookies.
//
// # Analyzer cors
//
// cors: report CORS headers and middleware that trust every origin with credentials
//
// A response with "Access-Control-Allow-Credentials: true" lets the page
// named by "Access-Control-Allow-Origin" send the user's cookies and read
// the answer. The check follows the request's Origin header
// (r.Header.Get("Origin"), gin's GetHeader, fiber's Get, and helpers in
// any package that return it) to the Access-Control-Allow-Origin a
// handler or middleware sets, directly or through a helper, and the
// checks on the way:
//
// Category reflect: the request's origin is copied to
// Access-Control-Allow-Origin, with credentials, without an allow-list
// check: any site can read the response as the user.
//
// Category loose: the only check is one that attacker origins pass:
// strings.HasSuffix without a leading dot ("evilexample.com" ends in
// "example.com"), strings.Contains, strings.HasPrefix, a regular
// expression not anchored with ^ and $.
//
// Category null: Access-Control-Allow-Origin "null" with credentials:
// sandboxed frames and file pages of any site send that origin.
//
// Category wildcard: "*" with credentials. Browsers refuse such a
// response, so credentialed cross-origin requests fail; the fix is the
// list of origins, or no credentials.
//
// Category vary: an Access-Control-Allow-Origin chosen per request from
// its Origin, without "Vary: Origin": a shared cache may serve one
// origin's answer to another, which then fails, or, with credentials,
// keep a cached answer for the wrong site. The fix adds the header.
//
// Checks that count, as they hold where the header is set (around it, or
// as an early return before it): == and strings.EqualFold against any
// value but "", a map lookup, slices.Contains, a switch on the origin,
// strings.HasSuffix with a suffix that starts with ".", an anchored
// regular expression, and any call of another function given the origin
// or the request (assumed to check it). Excluding origins
// (origin != "https://evil.example") is no check.
//
// CORS middleware (rs/cors, go-chi/cors, gin-contrib/cors, echo's and
// fiber's middleware, gorilla/handlers) configured with credentials is
// reported when it answers every origin with itself (category reflect:
// an origin predicate that always returns true, echo v4's
// UnsafeWildcardOriginWithAllowCredentials), when its predicate is a
// loose check or an origin pattern's "*" is not followed by "." (loose), when "null" is among its origins (null), and
// when it sends "*" with credentials (wildcard). Configurations the
// library refuses at start-up (fiber and echo v5 with "*" and
// credentials) are left to it.
package cors
