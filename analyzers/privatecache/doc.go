// Package privatecache defines an Analyzer that reports per-user responses
// that shared caches may store.
//
// # Analyzer privatecache
//
// privatecache: report handlers that read who the user is and send a response shared caches may store
//
// A handler is user-specific when it, or a helper it calls in any package,
// reads the user's identity (a read inside the call of a helper that
// answers with an error status, to log who failed, does not count): a
// session or auth cookie, the Authorization header (or another credential
// header), basic auth credentials, a session store's session
// (gorilla/sessions, fiber's session middleware), a context value under a
// user, auth, session or claims key, or a framework's request value (gin
// and echo c.Get("user"), fiber c.Locals("user")). When such a handler
// writes a success (2xx) body without setting Cache-Control to something
// with private or no-store, a CDN or shared proxy may store the response
// and serve one user's data to the next (web cache deception); category
// missing. When it sets Cache-Control with public or s-maxage, one will;
// category public. Not reported: handlers that only redirect or send
// errors; middleware (handlers that pass the request on); handlers that
// read the request body, bodies written only for other methods than GET and
// HEAD, and handlers registered nowhere in the package whose swag
// annotation says so ("@Router /path [post]") or, without one, whose names
// say they change state (createUser, Logout), since shared caches do not
// store responses to POST, PUT, PATCH or DELETE; handlers that set Cache-Control
// from a value computed at run time or send Vary: Cookie or Vary:
// Authorization.
//
// A handler is not reported either when this package registers it only
// behind a middleware that sets Cache-Control private or no-store
// (wrapping it, or in use on its router or group: chi Use, With, Group,
// Route and Mount; gorilla/mux Use and subrouters; gin Use and Group;
// echo Use, Pre, Group and route middleware; fiber Use and Group), or
// only for methods other than GET and HEAD. Middleware in other packages
// is recognised through facts; chi's middleware.NoCache is known.
// Registrations in other packages cannot be seen.
//
// The suggested fix sets Cache-Control: private, no-store at the start of
// the handler (w.Header().Set, c.Header, c.Response().Header().Set or
// c.Set), or, for net/http and echo, calls httpsafe.NoStore; a public or
// weaker value written as a literal is made private instead.
//
// Categories: missing, public. Flags: -cookies, -keys and -headers, the
// regular expressions of identifying cookie names, context and request
// value keys, and credential headers; -middleware, a comma-separated list
// of functions (import/path.Func or import/path.Type.Method) to treat as
// middleware that sets private or no-store.
package privatecache
