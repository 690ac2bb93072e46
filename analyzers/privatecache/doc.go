// Package privatecache defines an Analyzer that reports per-user responses
// that shared caches may store.
//
// # Analyzer privatecache
//
// privatecache: report per-user responses that shared caches may store
//
// A response is per-user when its handler, or a helper it calls in any
// package, reads the user's identity (a read inside the call of a helper
// that always answers with an error status, to log who failed, does not
// count; nor does one in a helper that builds a logger, or a cookie a
// helper reads only to set it again): a session or
// auth cookie, the Authorization header (or another credential header),
// basic auth credentials, a session store's session (gorilla/sessions,
// fiber's session middleware), a context value under a user, auth,
// session or claims key, or a framework's request value (gin and echo
// c.Get("user"), fiber c.Locals("user")). For such a handler that writes
// a success (2xx) body, what a shared cache does (RFC 9111) decides:
//
//   - public: it sets Cache-Control with public, s-maxage or a positive
//     max-age without private or no-store, or a CDN-Cache-Control or
//     Surrogate-Control that lets a CDN store it; or a middleware on its
//     route always sets such a value. Reported at the header or the route.
//   - validators: it serves a file (ServeFile, ServeContent and the
//     framework file helpers set Last-Modified) or sets ETag or
//     Last-Modified, with no private or no-store: heuristically cacheable.
//     A handler that reads no identity itself but serves a file chosen at
//     run time, or sets validators, is reported so on the routes behind
//     middleware that identifies the user (other than by Authorization or
//     a credential in the URL).
//   - missing: no Cache-Control with private or no-store governs the body
//     on some route that may serve it for GET or HEAD without a middleware
//     that sets one. Reported once per router or group, at the call that
//     makes it, with the routes as related information; a handler whose
//     routes are out of sight is reported at its body. A handler that
//     learns who the user is only from request headers or a credential in
//     the URL is not: shared caches do not store responses to requests
//     with Authorization unless told to, no browser sends an application's
//     own credential header (X-Api-Key) on its own (validators still apply
//     to those), and a credential in the query is part of the cache key.
//     A user read from a context value counts as what the middleware on
//     its route reads; on a route without the middleware that alone
//     stores it (under an unexported key of the application), there is
//     none. A constant Cache-Control without private, no-store
//     or freshness (max-age=0) is reported at the header, on a handler
//     that may serve GET or HEAD, unless it has a plain no-cache and the
//     response carries no validators: each reuse then asks the server.
//
// Not reported: handlers that only redirect or send errors; middleware
// (handlers that pass the request on); handlers that read the request
// body, and bodies written only for methods other than GET and HEAD;
// unexported handlers registered nowhere whose swag annotation ("@Router
// /path [post]") or name (createUser, Logout) says they change state;
// handlers that set Cache-Control from a value computed at run time or
// send Vary: Cookie or Vary: Authorization; event streams.
//
// Routes are followed program-wide (see docs/design.md): middleware that
// sets private or no-store on a route, its group or the whole router
// covers the handler, wherever it is registered; what a package cannot see
// (an exported handler, a router its caller gives or receives) is judged
// by the packages that import it, through facts. chi's middleware.NoCache
// and httpsafe.NoStoreHandler are known.
//
// The suggested fix adds a no-store middleware to the group
// (httpsafe.NoStoreHandler, or the framework's middleware written out), or
// sets Cache-Control: private, no-store at the start of the handler (or
// calls httpsafe.NoStore); a public or weaker value written as a literal
// is made private instead.
//
// Categories: public, validators, missing. Flags: -cookies, -keys and
// -headers, the regular expressions of identifying cookie names, context
// and request value keys, and credential headers; -middleware, a
// comma-separated list of functions (import/path.Func or
// import/path.Type.Method) to treat as middleware that sets private or
// no-store; -strict, report every per-user response on its own, those
// identified by request headers or the URL included.
package privatecache
