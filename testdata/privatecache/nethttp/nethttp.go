// Package nethttp holds privatecache cases for net/http handlers, routed
// by http.ServeMux, chi and gorilla/mux.
package nethttp

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-chi/render"

	"github.com/resplint/resplint/httpsafe"
)

type ctxKey int

const (
	userKey ctxKey = iota
	requestIDKey
)

type claimsKey struct{}

type user struct{ Name string }

var page = template.Must(template.New("p").Parse("{{.}}"))

func me(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(user{c.Value}) // want `handler reads the cookie "session" but writes this response without Cache-Control private or no-store: a shared cache \(CDN, proxy\) may store it and serve one user's data to another; set Cache-Control: private, no-store at the start of the handler`
}

// Identified only by the Authorization header, without explicit
// freshness: shared caches do not store it (RFC 9111 section 3.5).
func bearer(w http.ResponseWriter, r *http.Request) {
	tok := r.Header.Get("Authorization")
	fmt.Fprintf(w, "hello %s", tok)
}

// The same with public: reported.
func bearerPublic(w http.ResponseWriter, r *http.Request) {
	tok := r.Header.Get("Authorization")
	w.Header().Set("Cache-Control", "public, max-age=600") // want `handler reads the Authorization header but sets Cache-Control "public, max-age=600": public and s-maxage`
	fmt.Fprintf(w, "hello %s", tok)
}

func basic(w http.ResponseWriter, r *http.Request) {
	name, _, ok := r.BasicAuth()
	if !ok {
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte("who are you?"))
		return
	}
	w.Write([]byte(name)) // basic auth is the Authorization header
}

func fromContext(w http.ResponseWriter, r *http.Request) {
	u := r.Context().Value(userKey).(*user)
	page.Execute(w, u) // want `handler reads the context value nethttp.userKey but writes`
}

func claims(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c := ctx.Value(claimsKey{})
	json.NewEncoder(w).Encode(c) // want `handler reads the context value nethttp.claimsKey but writes`
}

// currentUser makes its callers user-specific.
func currentUser(r *http.Request) string {
	c, err := r.Cookie("sid")
	if err != nil {
		return ""
	}
	return c.Value
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	name := currentUser(r)
	enc := json.NewEncoder(w)
	enc.Encode(user{name}) // want `handler reads the cookie "sid" \(through nethttp.currentUser\) but writes`
}

func public(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("auth_token")
	w.Header().Set("Cache-Control", "public, max-age=60") // want `handler reads the cookie "auth_token" but sets Cache-Control "public, max-age=60": public and s-maxage let shared caches`
	w.Write([]byte(c.Value))
}

func sMaxAge(w http.ResponseWriter, r *http.Request) {
	u := r.Context().Value(userKey)
	w.Header().Set("Cache-Control", "max-age=0, s-maxage=300") // want `sets Cache-Control "max-age=0, s-maxage=300": public and s-maxage`
	json.NewEncoder(w).Encode(u)
}

func weak(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r)
	w.Header().Set("Cache-Control", "max-age=300") // want `handler reads the cookie "sid" \(through nethttp.currentUser\) but sets Cache-Control "max-age=300" without private: browsers keep the response for that long whatever the user`
	fmt.Fprint(w, u)
}

// A status written in a block governs only that block.
func errorThenSuccess(w http.ResponseWriter, r *http.Request) {
	u := r.Context().Value(userKey)
	if u == nil {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, "forbidden")
		return
	}
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, u) // want `handler reads the context value nethttp.userKey but writes`
}

// outer is reported for what inner, which it calls, does; inner is not
// reported on its own.
func outer(w http.ResponseWriter, r *http.Request) {
	inner(w, r) // want `handler reads the cookie "session" \(through nethttp.inner\) but writes`
}

func inner(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	w.Write([]byte(c.Value))
}

func respond(w http.ResponseWriter, r *http.Request) {
	render.Respond(w, r, r.Context().Value(userKey)) // want `handler reads the context value nethttp.userKey but writes`
}

// A body for POST only does not count; one for GET does.
func methodSwitch(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r)
	switch r.Method {
	case http.MethodPost:
		fmt.Fprint(w, "saved "+u)
	case http.MethodGet:
		fmt.Fprint(w, u) // want `handler reads the cookie "sid" \(through nethttp.currentUser\) but writes`
	}
}

// Negatives.

func methodIf(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost || r.Method == "PUT" {
		w.Write([]byte(currentUser(r)))
	}
	switch {
	case r.Method == "DELETE":
		w.Write([]byte(currentUser(r)))
	}
}

// writeJSONError keeps its status where the model does not look; its
// name says it writes an error.
func writeJSONError(w http.ResponseWriter, msg string) {
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func errorHelper(w http.ResponseWriter, r *http.Request) {
	if r.Context().Value(userKey) == nil {
		writeJSONError(w, "login")
	}
}

// A middleware's own writes answer the requests it stops.
func requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if currentUser(r) == "" {
			w.Write([]byte("please log in"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func private(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	w.Header().Set("Cache-Control", "private, max-age=60")
	w.Write([]byte(c.Value))
}

func noStoreHelper(w http.ResponseWriter, r *http.Request) {
	httpsafe.NoStore(w)
	w.Write([]byte(currentUser(r)))
}

func varyCookie(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Vary", "Cookie")
	w.Write([]byte(currentUser(r)))
}

var policy = cachePolicy()

func cachePolicy() string { return "private" }

func computed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", policy)
	w.Write([]byte(currentUser(r)))
}

func onlyRedirects(w http.ResponseWriter, r *http.Request) {
	if currentUser(r) == "" {
		http.Redirect(w, r, "/login", http.StatusFound)
		return
	}
	http.Redirect(w, r, "/home", http.StatusSeeOther)
}

func onlyErrors(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		http.Error(w, "no credentials", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNotFound)
	w.Write([]byte("not found"))
}

func anonymous(w http.ResponseWriter, r *http.Request) {
	theme, _ := r.Cookie("theme")
	csrf, _ := r.Cookie("csrf_token")
	lang := r.Header.Get("Accept-Language")
	id := r.Context().Value(requestIDKey)
	fmt.Fprint(w, theme, csrf, lang, id)
}

// A library reading a context key of another library (go-oidc reads
// oauth2.HTTPClient, an HTTP client, in a package named for auth) learns
// nothing about the user.
func oidcDiscovery(w http.ResponseWriter, r *http.Request) {
	provider, err := oidc.NewProvider(r.Context(), "https://accounts.example.com")
	if err != nil {
		http.Error(w, "discovery failed", http.StatusBadGateway)
		return
	}
	fmt.Fprint(w, provider.Endpoint().AuthURL)
}

// A response header is not a request header.
func responseHeader(w http.ResponseWriter, r *http.Request) {
	_ = w.Header().Get("Authorization")
	w.Write([]byte("ok"))
}

// sendError answers with an error, logging who it failed for.
func sendError(w http.ResponseWriter, r *http.Request, status int, err error) {
	u, _ := r.Context().Value(userKey).(*user)
	log.Printf("%v: %v", u, err)
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}

// A public handler whose error helper reads the user only to log it: the
// error it sends is nobody's data.
func publicList(w http.ResponseWriter, r *http.Request) {
	items, err := listItems()
	if err != nil {
		sendError(w, r, http.StatusInternalServerError, err)
		return
	}
	json.NewEncoder(w).Encode(items)
}

// The same helper with a status below 400 is a read of the user.
func sendWithUser(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("quiet") {
		sendError(w, r, http.StatusAccepted, errQuiet)
		return
	}
	json.NewEncoder(w).Encode([]string{}) // want `handler reads the context value nethttp.userKey \(through nethttp.sendError\) but writes`
}

var errQuiet = errors.New("quiet")

func listItems() ([]string, error) { return nil, nil }

// touchSession reads the session cookie only to send it again with a new
// expiry: it maintains the cookie.
func touchSession(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie("session"); err == nil {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: c.Value, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	}
}

// Identified by Authorization; the cookie is only refreshed.
func bearerTouch(w http.ResponseWriter, r *http.Request) {
	touchSession(w, r)
	fmt.Fprint(w, r.Header.Get("Authorization"))
}

// Identified by the cookie itself.
func cookieTouch(w http.ResponseWriter, r *http.Request) {
	touchSession(w, r)
	fmt.Fprint(w, currentUser(r)) // want `handler reads the cookie "sid" \(through nethttp.currentUser\) but writes`
}

// Server-sent events: an open stream, which no cache stores.
func events(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	fmt.Fprintf(w, "data: %s\n\n", currentUser(r))
}

// userVisitCookie names a cookie "visit": its constant's name says user,
// the cookie the browser sends does not.
const userVisitCookie = "visit"

func visit(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie(userVisitCookie)
	fmt.Fprint(w, c.Value)
}

// A plain no-cache with nothing to revalidate against: every reuse is a
// new request, answered for the user who makes it.
func exportRows(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-cache")
	fmt.Fprint(w, currentUser(r))
}

// With a validator, a cache revalidates one user's copy and serves it to
// the next; no-cache for one header only leaves the body reusable.
func exportTagged(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("ETag", `"v1"`)
	w.Header().Set("Cache-Control", "no-cache") // want `handler reads the cookie "sid" \(through nethttp.currentUser\) but sets Cache-Control "no-cache", without private or no-store`
	fmt.Fprint(w, currentUser(r))
}

func exportCookie(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", `no-cache="Set-Cookie"`) // want `but sets Cache-Control "no-cache=\\"Set-Cookie\\"", without private or no-store`
	fmt.Fprint(w, currentUser(r))
}
