// Package router registers the handlers of package api with middleware
// of package mw.
package router

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"

	"resplint.test/privatecache/program/api"
	"resplint.test/privatecache/program/mw"
)

var strict = true

// Chi mounts the groups below on a router that sets no-store: those
// mounted on it are covered; those on root are not.
func Chi() http.Handler {
	root := chi.NewRouter()
	r := chi.NewRouter()
	root.Mount("/", r)
	r.Use(mw.NoStore)
	r.Get("/covered", api.Profile)
	r.Get("/avatar", api.Avatar)
	api.Register(r)
	r.Mount("/routes", api.Routes())

	// A no-store middleware that configuration turns on covers missing
	// headers, taken as the application's choice, but not files with
	// validators.
	conf := chi.NewRouter()
	if strict {
		conf.Use(mw.NoStore)
	}
	conf.Get("/profile", api.Profile)
	conf.Get("/avatar", api.Avatar) // want `api.Avatar reads the cookie "session" \(through api.user\) and serves a response with validators on this route`
	root.Mount("/conf", conf)

	pub := chi.NewRouter()
	pub.Use(mw.Public)
	pub.Get("/profile", api.Profile) // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Profile reads the cookie "session" \(through api.user\)`
	pub.Get("/token", api.Token)     // want `a middleware on this route sets Cache-Control with public, s-maxage or max-age, but api.Token reads the Authorization header`
	root.Mount("/pub", pub)

	area := chi.NewRouter() // want `10 routes of this router or group send per-user responses without Cache-Control private or no-store \(api.Inbox reads the cookie "session" \(through api.Profile\), and 9 more\)`
	area.Get("/inbox", api.Inbox)
	area.Get("/sent", api.Sent)
	area.Get("/drafts", api.Drafts)
	area.Get("/contacts", api.Contacts)
	area.Get("/billing", api.Billing)
	area.Get("/invoices", api.Invoices)
	area.Get("/keys", api.Keys)
	area.Get("/devices", api.Devices)
	area.Get("/activity", api.Activity)
	area.Get("/teams", api.Teams)
	area.Get("/token", api.Token)   // Authorization only: not stored by shared caches
	area.Get("/avatar", api.Avatar) // want `api.Avatar reads the cookie "session" \(through api.user\) and serves a response with validators on this route`
	area.Post("/profile", api.Profile)
	root.Mount("/area", area)

	mixed := chi.NewRouter() // want `3 routes of this router or group send per-user responses without Cache-Control private or no-store \(api.Profile reads the cookie "session" \(through api.user\), and 2 more\)`
	mixed.Get("/settings", api.Settings)
	mixed.Get("/profile", api.Profile)
	mixed.Get("/inbox", api.Inbox)
	mixed.Handle("/files", api.Files{})
	root.Mount("/mixed", mixed)

	open := chi.NewRouter() // want `2 routes of this router or group .* \(api.Profile reads the cookie "session" \(through api.user\), and 1 more\)`
	api.Register(open)
	open.Mount("/routes", api.Routes())
	root.Mount("/open", open)

	// A handler reading the user from the context, behind middleware
	// that puts it there from the Authorization header; and without it.
	bearer := chi.NewRouter()
	bearer.Use(mw.Bearer)
	bearer.Get("/me", api.Me)
	root.Mount("/bearer", bearer)
	bare := chi.NewRouter() // want `api.Me reads the context value api.UserKey but the responses of its route "GET /me" carry no Cache-Control private or no-store`
	bare.Get("/me", api.Me)
	root.Mount("/bare", bare)

	// Handlers built by a type of package api that only its interface
	// names: covered on r, reported on their own router.
	p := api.NewProvider()
	r.Get("/provided", p.ProfileHandler())
	provided := chi.NewRouter() // want `the function literal at provider.go:23 reads the cookie "session" but the responses of its route "GET /provided" carry no Cache-Control private or no-store`
	provided.Get("/provided", p.ProfileHandler())
	root.Mount("/provided", provided)
	return root
}

// Gorilla returns its router: the caller decides what wraps it.
func Gorilla() http.Handler { // want Gorilla:`registers per-user routes on parameter -1: api.Profile`
	m := mux.NewRouter()
	m.Use(mw.NoStore)
	m.HandleFunc("/covered", api.Profile)

	open := mux.NewRouter()
	open.HandleFunc("/profile", api.Profile).Methods(http.MethodGet)
	open.HandleFunc("/profile", api.Profile).Methods(http.MethodPost)
	return open
}

// ChiAccount mounts a router of its own on the one its callers give it:
// they decide, and the report names that router.
func ChiAccount(r chi.Router) { // want ChiAccount:`registers per-user routes on parameter 0: api.Profile`
	account := chi.NewRouter()
	account.Get("/profile", api.Profile)
	r.Mount("/account", account)
}
