package httpfw

import "go/types"

// An Order says which routes of a router a middleware put in use by a
// Use method reaches, by when they are registered.
type Order uint8

const (
	// Unordered: every route of the router and of its groups, whenever
	// registered; the middleware is applied when a request is routed
	// or the server starts (net/http's wrappers, gorilla/mux, go-zero,
	// echo's Echo.Use and Pre; chi panics on a Use after a route).
	Unordered Order = iota
	// Copied: the routes registered on the router after the Use call,
	// and the groups made from it after it. Each registration and each
	// new group copies the router's middleware at that moment (gin's
	// combineHandlers).
	Copied
	// Stacked: the routes registered after the Use call, on the router
	// or any of its groups, whenever the group was made. Middleware and
	// routes are entries of one stack, matched in registration order,
	// and a route's handler that does not call Next ends the request
	// before a later middleware (fiber's register and next).
	Stacked
)

// UseOrder returns the Order of the middleware that use, a Use method,
// puts in use.
func UseOrder(use *types.Func) Order {
	recv := use.Type().(*types.Signature).Recv()
	if recv == nil || use.Pkg() == nil {
		return Unordered
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return Unordered
	}
	return reg().order[use.Pkg().Path()+"."+n.Obj().Name()]
}

// ordered returns the Order o for the types names of package path, for
// Router.Order.
func ordered(o Order, path string, names ...string) map[string]Order {
	m := make(map[string]Order, len(names))
	for _, n := range names {
		m[path+"."+n] = o
	}
	return m
}
