// Package api holds handlers of every framework that package router
// registers: whether their per-user responses reach a shared cache is
// decided there, where the routes and their middleware are.
package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
)

func user(r *http.Request) string {
	c, err := r.Cookie("session")
	if err != nil {
		return ""
	}
	return c.Value
}

func Profile(w http.ResponseWriter, r *http.Request) { // want Profile:`per-user missing \(api.Profile reads the cookie "session" \(through api.user\)\)`
	json.NewEncoder(w).Encode(user(r))
}

// Ten pages of a cookie-authenticated area.
func Inbox(w http.ResponseWriter, r *http.Request)    { Profile(w, r) } // want Inbox:`per-user missing`
func Sent(w http.ResponseWriter, r *http.Request)     { Profile(w, r) } // want Sent:`per-user missing`
func Drafts(w http.ResponseWriter, r *http.Request)   { Profile(w, r) } // want Drafts:`per-user missing`
func Contacts(w http.ResponseWriter, r *http.Request) { Profile(w, r) } // want Contacts:`per-user missing`
func Billing(w http.ResponseWriter, r *http.Request)  { Profile(w, r) } // want Billing:`per-user missing`
func Invoices(w http.ResponseWriter, r *http.Request) { Profile(w, r) } // want Invoices:`per-user missing`
func Keys(w http.ResponseWriter, r *http.Request)     { Profile(w, r) } // want Keys:`per-user missing`
func Devices(w http.ResponseWriter, r *http.Request)  { Profile(w, r) } // want Devices:`per-user missing`
func Activity(w http.ResponseWriter, r *http.Request) { Profile(w, r) } // want Activity:`per-user missing`
func Teams(w http.ResponseWriter, r *http.Request)    { Profile(w, r) } // want Teams:`per-user missing`

// Token is identified by the Authorization header alone.
func Token(w http.ResponseWriter, r *http.Request) { // want Token:`per-user missing \(api.Token reads the Authorization header\)`
	json.NewEncoder(w).Encode(r.Header.Get("Authorization"))
}

// Avatar serves the user's file with Last-Modified.
func Avatar(w http.ResponseWriter, r *http.Request) { // want Avatar:`per-user validators`
	http.ServeContent(w, r, "avatar.png", time.Unix(1, 0), bytes.NewReader([]byte(user(r))))
}

// Settings sets no-store itself.
func Settings(w http.ResponseWriter, r *http.Request) { // want Settings:`sets Cache-Control "no-store"`
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(user(r))
}

// Register adds its routes to the router its caller gives it, whose
// middleware it cannot see.
func Register(r chi.Router) { // want Register:`registers per-user routes on parameter 0: api.Profile, api.Token`
	r.Get("/me", Profile)
	r.Get("/token", Token)
	r.Get("/settings", Settings)
}

// Routes returns a router; its caller mounts it.
func Routes() chi.Router { // want Routes:`registers per-user routes on parameter -1: api.Inbox`
	r := chi.NewRouter()
	r.Get("/inbox", Inbox)
	return r
}

// Files is an http.Handler: its values are its routes.
type Files struct{}

func (Files) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:`per-user missing \(api.Files.ServeHTTP reads the cookie "session" \(through api.user\)\)`
	json.NewEncoder(w).Encode(user(r))
}

// UserKey is where middleware puts the user.
type UserKey struct{}

// Me learns who the user is from what middleware put in the context.
func Me(w http.ResponseWriter, r *http.Request) { // want Me:`per-user missing \(api.Me reads the context value api.UserKey\)`
	json.NewEncoder(w).Encode(r.Context().Value(UserKey{}))
}
