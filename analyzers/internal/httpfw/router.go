package httpfw

// Router is how a framework's routers are used, for package routes: the
// methods that add middleware to a router or group, and the method of a
// route that restricts its HTTP methods.
type Router struct {
	Middleware []string
	Methods    string
}

// AddsMiddleware reports whether a router method of this name adds
// middleware in some framework.
func AddsMiddleware(name string) bool { return reg().router[name] }

// RestrictsMethods reports whether a route method of this name restricts
// the route's HTTP methods in some framework.
func RestrictsMethods(name string) bool { return reg().methods[name] }
