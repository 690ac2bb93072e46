package httpfw

import "go/types"

// Router is how a framework's routers are used, for package routes: the
// methods that add middleware to a router or group, the method of a
// route that restricts its HTTP methods, the struct types that describe
// a route, the methods of a router that make a group of its routes
// (r.Group("/admin")), the method of the handler's context that runs
// the next handler (c.Next()), and the Order of the types that declare
// a Use method whose order matters, by package path and name.
type Router struct {
	Middleware []string
	Methods    string
	Routes     []RouteType
	Groups     []string
	Next       string
	Order      map[string]Order
}

// UseMethod is the name of the method that puts middleware in use on a
// router or group in every framework that has one (Router.Middleware).
const UseMethod = "Use"

// A RouteType is a struct type whose literals describe a route, given
// to a registration call alone or in a slice (go-zero's rest.Route):
// the fields that hold its handler, its HTTP method and its path.
type RouteType struct {
	Path, Name               string
	Handler, Method, Pattern string
}

// AddsMiddleware reports whether a router method of this name adds
// middleware in some framework.
func AddsMiddleware(name string) bool { return reg().router[name] }

// MakesGroup reports whether a router method of this name makes a group
// of the router's routes in some framework.
func MakesGroup(name string) bool { return reg().groups[name] }

// RunsNext reports whether a method of this name of a handler's context
// runs the next handler in some framework.
func RunsNext(name string) bool { return reg().next[name] }

// RestrictsMethods reports whether a route method of this name restricts
// the route's HTTP methods in some framework.
func RestrictsMethods(name string) bool { return reg().methods[name] }

// Route returns the route type t is, if it is one (not through a
// pointer).
func Route(t types.Type) (RouteType, bool) {
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		for _, r := range reg().routes {
			if r.Name == n.Obj().Name() && r.Path == n.Obj().Pkg().Path() {
				return r, true
			}
		}
	}
	return RouteType{}, false
}
