package nethttp

import (
	"encoding/json"
	"net/http"
)

// An application's own registrar, taking the method before the path,
// held in a field: the route is named by both, and its one route is
// reported where it is registered.

type registrar struct{ mux *http.ServeMux }

func (r *registrar) Register(method, path string, h http.HandlerFunc) {
	r.mux.Handle(method+" "+path, h)
}

type controlAPI struct {
	reg *registrar
}

func (a *controlAPI) profile(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	json.NewEncoder(w).Encode(map[string]string{"name": c.Value})
}

func (a *controlAPI) routes() {
	a.reg.Register(http.MethodGet, "/control/profile", a.profile) // want `nethttp.controlAPI.profile reads the cookie "session" but the responses of its route "GET /control/profile" carry no Cache-Control private or no-store`
}
