package httpfw

// mux is gorilla/mux's routers (v1.8.1 middleware.go, route.go): Use adds
// net/http middleware; a route's Methods restricts its HTTP methods.
func mux() spec {
	return spec{router: Router{Middleware: []string{"Use"}, Methods: "Methods"}}
}
