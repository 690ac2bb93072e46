package nethttp

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/gorilla/mux"

	"resplint.test/privatecache/helpers"
)

// noStore is a middleware that marks every response private.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// auth is a middleware that does not touch caching. It lets only
// requests with Authorization through, which shared caches do not store
// answers to: a handler reading the user from the context behind it is
// judged as one reading the header.
func auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// profile writes the signed-in user's profile; every registration below
// decides whether it is reported.
func profile(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(helpers.UserFrom(r.Context()))
}

func wrapped(w http.ResponseWriter, r *http.Request)      { profile(w, r) }
func wrappedTwice(w http.ResponseWriter, r *http.Request) { profile(w, r) }
func inVariable(w http.ResponseWriter, r *http.Request)   { profile(w, r) }
func postOnly(w http.ResponseWriter, r *http.Request)     { profile(w, r) }
func factsMW(w http.ResponseWriter, r *http.Request)      { profile(w, r) }
func exposedMux(w http.ResponseWriter, r *http.Request)   { profile(w, r) }
func authOnly(w http.ResponseWriter, r *http.Request)     { profile(w, r) }

func serveMux() http.Handler {
	m := http.NewServeMux() // want `nethttp.exposedMux reads the context value helpers.userKey \(through nethttp.profile\) but the responses of its route "GET /f" carry no Cache-Control private or no-store`
	m.Handle("/a", noStore(http.HandlerFunc(wrapped)))
	m.Handle("/b", auth(noStore(http.HandlerFunc(wrappedTwice))))
	h := noStore(http.HandlerFunc(inVariable))
	m.Handle("GET /c", h)
	m.HandleFunc("POST /d", postOnly)
	m.Handle("/e", helpers.NoStore(http.HandlerFunc(factsMW)))
	m.HandleFunc("GET /f", exposedMux)
	m.Handle("/g", auth(http.HandlerFunc(authOnly))) // behind auth: silent
	return m
}

func chiUse(w http.ResponseWriter, r *http.Request)        { profile(w, r) }
func chiWith(w http.ResponseWriter, r *http.Request)       { profile(w, r) }
func chiGroup(w http.ResponseWriter, r *http.Request)      { profile(w, r) }
func chiRoute(w http.ResponseWriter, r *http.Request)      { profile(w, r) }
func chiMounted(w http.ResponseWriter, r *http.Request)    { profile(w, r) }
func chiNoCache(w http.ResponseWriter, r *http.Request)    { profile(w, r) }
func chiPost(w http.ResponseWriter, r *http.Request)       { profile(w, r) }
func chiExposed(w http.ResponseWriter, r *http.Request)    { profile(w, r) }
func chiOtherGroup(w http.ResponseWriter, r *http.Request) { profile(w, r) }

func chiRouter() http.Handler {
	r := chi.NewRouter()
	r.Use(noStore)
	r.Get("/use", chiUse)
	r.Get("/use/again", chiUse) // registered twice on one router, covered twice
	r.Route("/api", func(r chi.Router) {
		r.Get("/route", chiRoute)
	})

	open := chi.NewRouter() // want `nethttp.chiExposed reads the context value helpers.userKey \(through nethttp.profile\) but the responses of its route "GET /exposed" carry no Cache-Control private or no-store`
	open.With(noStore).Get("/with", chiWith)
	open.Group(func(g chi.Router) {
		g.Use(noStore)
		g.Get("/group", chiGroup)
	})
	open.Group(func(g chi.Router) { // want `nethttp.chiOtherGroup reads the context value helpers.userKey \(through nethttp.profile\) but the responses of its route "GET /other"`
		g.Use(middleware.RealIP)
		g.Get("/other", chiOtherGroup)
	})
	open.Get("/exposed", chiExposed)
	open.Post("/post", chiPost)

	sub := chi.NewRouter()
	sub.Get("/mounted", chiMounted)
	r.Mount("/sub", sub)

	nc := chi.NewRouter()
	nc.Use(middleware.NoCache)
	nc.Get("/nocache", chiNoCache)

	open.Mount("/r", r)
	open.Mount("/nc", nc)
	return open
}

func muxUse(w http.ResponseWriter, r *http.Request)       { profile(w, r) }
func muxSubrouter(w http.ResponseWriter, r *http.Request) { profile(w, r) }
func muxPost(w http.ResponseWriter, r *http.Request)      { profile(w, r) }
func muxPut(w http.ResponseWriter, r *http.Request)       { profile(w, r) }
func muxExposed(w http.ResponseWriter, r *http.Request)   { profile(w, r) }

func gorillaRouter() http.Handler {
	m := mux.NewRouter()
	m.Use(noStore)
	m.HandleFunc("/use", muxUse)
	api := m.PathPrefix("/api").Subrouter()
	api.HandleFunc("/sub", muxSubrouter)

	open := mux.NewRouter() // want `nethttp.muxExposed reads .* its route "/exposed"`
	open.HandleFunc("/post", muxPost).Methods(http.MethodPost)
	open.Methods("PUT").Path("/put").HandlerFunc(muxPut)
	open.HandleFunc("/exposed", muxExposed).Methods("GET")
	return open
}

type server struct{ router chi.Router }

// handleSettings returns the handler: its uses are the calls.
func (s *server) handleSettings() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(helpers.UserFrom(r.Context()))
	}
}

func (s *server) handleAccount() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(helpers.UserFrom(r.Context()))
	}
}

func (s *server) routes() {
	s.router.Use(noStore)
	s.router.Get("/settings", s.handleSettings())
	http.Handle("/account", s.handleAccount()) // want `2 routes of this router or group send per-user responses without Cache-Control private or no-store \(the function literal at routes.go:\d+ reads the context value helpers.userKey \(through helpers.UserFrom\), and 1 more\)`
}

// A route table: the handler goes through a struct field.
type route struct {
	path    string
	handler http.HandlerFunc
}

func tabled(w http.ResponseWriter, r *http.Request) { profile(w, r) }

func table() *chi.Mux {
	r := chi.NewRouter()
	r.Use(noStore)
	for _, rt := range []route{{"/tabled", tabled}} {
		r.Get(rt.path, rt.handler)
	}
	return r
}

// ServeHTTP methods are followed to the values of their type.
type avatarHandler struct{}

func (avatarHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(helpers.CurrentUser(r)))
}

type inboxHandler struct{}

func (*inboxHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(helpers.CurrentUser(r)))
}

func typed() {
	http.Handle("/avatar", noStore(avatarHandler{}))
	http.Handle("/inbox", &inboxHandler{})
}

// A router handed to the package's own binding functions: the routes
// they register belong with it, one report at the router.
func bound() http.Handler {
	r := chi.NewRouter() // want `2 routes of this router or group send per-user responses without Cache-Control private or no-store`
	bindProfile(r)
	bindOrders(r)
	covered := mux.NewRouter()
	covered.Use(noStore)
	bindGorilla(covered)
	return r
}

func bindProfile(r chi.Router) { r.Get("/profile", chiExposed) }
func bindOrders(r chi.Router)  { r.Get("/orders", chiOtherGroup) }

func bindGorilla(r *mux.Router) { r.HandleFunc("/profile", muxExposed).Methods(http.MethodGet) }
