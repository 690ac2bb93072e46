package httpfw

// pathHttprouter is github.com/julienschmidt/httprouter's import path.
const pathHttprouter = "github.com/julienschmidt/httprouter"

// httprouter is julienschmidt/httprouter v1.3.0 (router.go): its handlers
// (Handle) are net/http's with the path's Params as a third parameter;
// GET, POST, ... name the method, Handle, Handler and HandlerFunc take it
// first. It has no middleware of its own: middleware wraps the whole
// Router, an http.Handler.
func httprouter() spec {
	return spec{handlerParams: []typeName{{pathHttprouter, "Params"}}}
}
