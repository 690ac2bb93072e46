package httpsafe

import (
	"net/http"
	"strconv"
	"time"
)

// CacheControlNoStore is the Cache-Control value that [NoStore] sets:
// no cache, shared or private, may store the response (RFC 9111 sections
// 5.2.2.5 and 5.2.2.7). "private" is there for caches that ignore no-store.
// Use it where a framework sets headers by string, for example
// c.Header("Cache-Control", httpsafe.CacheControlNoStore) in gin or
// c.Set(fiber.HeaderCacheControl, httpsafe.CacheControlNoStore) in fiber.
const CacheControlNoStore = "private, no-store"

// maxDeltaSeconds is the largest max-age sent: RFC 9111 section 1.2.2 asks
// that larger delta-seconds be sent as 2147483648 (2^31).
const maxDeltaSeconds = 1 << 31

// NoStore sets Cache-Control on w to [CacheControlNoStore]. Use it on every
// response that carries data about the signed-in user, so that neither a
// shared cache (proxy, CDN) nor the browser's cache keeps a copy that
// another user of the same cache or device could get. It replaces any
// Cache-Control already set and must be called before the response is
// written.
//
// For gin: httpsafe.NoStore(c.Writer); for echo: httpsafe.NoStore(c.Response()).
func NoStore(w Headerer) {
	w.Header().Set("Cache-Control", CacheControlNoStore)
}

// Private sets Cache-Control on w to [CacheControlPrivate](maxAge): only
// the user's own browser may cache the response, for maxAge. It replaces
// any Cache-Control already set and must be called before the response is
// written.
//
// maxAge is a time.Duration rather than a number of seconds, so the unit is
// never in doubt: Private(w, 5*time.Minute). See [CacheControlPrivate] for
// how it is rounded.
func Private(w Headerer, maxAge time.Duration) {
	w.Header().Set("Cache-Control", CacheControlPrivate(maxAge))
}

// Public sets Cache-Control on w to [CacheControlPublic](maxAge): any cache,
// shared ones included, may store the response for maxAge. Use it only for
// responses that are the same for every user; for anything else use
// [Private] or [NoStore]. It replaces any Cache-Control already set and
// must be called before the response is written.
func Public(w Headerer, maxAge time.Duration) {
	w.Header().Set("Cache-Control", CacheControlPublic(maxAge))
}

// CacheControlPrivate returns "private, max-age=N", N being maxAge in
// whole seconds. maxAge is truncated toward zero (a response is never
// cached longer than asked), a negative maxAge counts as 0 (the response is
// stale at once, so the browser revalidates it), and N is at most
// 2147483648 as RFC 9111 section 1.2.2 asks.
func CacheControlPrivate(maxAge time.Duration) string {
	return "private, max-age=" + deltaSeconds(maxAge)
}

// CacheControlPublic returns "public, max-age=N", N being maxAge in whole
// seconds, rounded and bounded as for [CacheControlPrivate].
func CacheControlPublic(maxAge time.Duration) string {
	return "public, max-age=" + deltaSeconds(maxAge)
}

func deltaSeconds(d time.Duration) string {
	secs := int64(d / time.Second)
	if secs < 0 {
		secs = 0
	}
	if secs > maxDeltaSeconds {
		secs = maxDeltaSeconds
	}
	return strconv.FormatInt(secs, 10)
}

// NoStoreHandler is middleware that sets Cache-Control on every response
// of next to [CacheControlNoStore] before next runs, for a router or group
// whose routes all answer with the signed-in user's data (chi and
// gorilla/mux: r.Use(httpsafe.NoStoreHandler)). A handler may still set
// its own Cache-Control.
func NoStoreHandler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		NoStore(w)
		next.ServeHTTP(w, r)
	})
}
