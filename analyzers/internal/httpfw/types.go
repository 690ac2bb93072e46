package httpfw

import (
	"go/types"
	"strings"
)

// A responseType is a type whose values are a framework's response:
// handlers receive a param; the others are the response as a writer
// (gin's c.Writer, echo's c.Response()).
type responseType struct {
	path, name string
	param      bool
	// afterContext: handlers receive it after a context.Context
	// (hertz's func(context.Context, *app.RequestContext)).
	afterContext bool
	records      bool      // its WriteHeader only records the status
	framework    Framework // its spec's
}

// A cookieType is a struct type that describes a cookie; shown is its
// name in messages, httpOnly the name of its HttpOnly field.
type cookieType struct {
	path, name string
	shown      string
	httpOnly   string
	framework  Framework // its spec's
}

// CookieType reports whether t (or *t) is a framework's cookie type, and
// its name in messages.
func CookieType(t types.Type) (Framework, string) {
	if obj := namedObj(t); obj != nil && obj.Pkg() != nil {
		for _, c := range reg().cookies {
			if c.name == obj.Name() && c.path == obj.Pkg().Path() {
				return c.framework, c.shown
			}
		}
	}
	return 0, ""
}

// OwnCookieType returns the package path and name of f's own cookie
// type, if it has one.
func OwnCookieType(f Framework) (path, name string, ok bool) {
	for _, c := range reg().cookies {
		if c.framework == f {
			return c.path, c.name, true
		}
	}
	return "", "", false
}

// HttpOnlyField returns the name of the HttpOnly field of the cookie
// type shown in messages as shown.
func HttpOnlyField(shown string) string {
	for _, c := range reg().cookies {
		if c.shown == shown {
			return c.httpOnly
		}
	}
	return "HttpOnly"
}

// Response reports which framework's response a value of type t (or *t)
// is, and whether handlers receive it as a parameter. An interface of
// some of http.ResponseWriter's methods, Header among them, is a
// net/http response parameter (see headerer).
func Response(t types.Type) (f Framework, param bool) {
	if obj := namedObj(t); obj != nil && obj.Pkg() != nil {
		path, name := obj.Pkg().Path(), obj.Name()
		for _, r := range reg().responses {
			if r.name == name && r.path == path {
				return r.framework, r.param
			}
		}
	}
	if headerer(t) {
		return NetHTTP, true
	}
	return 0, false
}

// RecordsStatus reports whether t is a response writer whose WriteHeader
// only records the status, sent with the first write: gin v1.12.0's
// ResponseWriter (response_writer.go).
func RecordsStatus(t types.Type) bool {
	if obj := namedObj(t); obj != nil && obj.Pkg() != nil {
		for _, r := range reg().responses {
			if r.name == obj.Name() && r.path == obj.Pkg().Path() {
				return r.records
			}
		}
	}
	return false
}

// ResponseParam reports which framework's response a parameter of type t
// carries: http.ResponseWriter, or an interface of some of its methods
// that has Header (httpsafe.Headerer, interface{ Header() http.Header }),
// *gin.Context, echo.Context (v4), *echo.Context (v5), *fiber.Ctx (v2) or
// fiber.Ctx (v3).
func ResponseParam(t types.Type) Framework {
	if f, param := Response(t); param {
		return f
	}
	return 0
}

// namedObj returns the type name of t or *t, if it is a named type.
func namedObj(t types.Type) *types.TypeName {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj()
	}
	return nil
}

// IsNamed reports whether t (or *t) is the named type path.name.
func IsNamed(t types.Type, path, name string) bool {
	obj := namedObj(t)
	return obj != nil && obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == path
}

// headerer reports whether t is an interface whose methods are methods of
// http.ResponseWriter, Header among them: what a helper that sets headers
// asks of a response so that it also takes gin's and echo's writers.
func headerer(t types.Type) bool {
	it, ok := types.Unalias(t).Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return false
	}
	header := false
	for m := range it.Methods() {
		sig := m.Type().(*types.Signature)
		switch m.Name() {
		case "Header":
			header = sig.Params().Len() == 0 && sig.Results().Len() == 1 && IsNamed(sig.Results().At(0).Type(), PathNetHTTP, "Header")
			if !header {
				return false
			}
		case "Write", "WriteHeader":
		default:
			return false
		}
	}
	return header
}

// HandlerKind reports whether sig has the shape of a handler of some
// framework: func(http.ResponseWriter, *http.Request), with a third
// parameter a framework adds (httprouter's Params), func(*gin.Context),
// func(echo.Context) error, func(*echo.Context) error, func(*fiber.Ctx)
// error, func(fiber.Ctx) error, func(context.Context,
// *app.RequestContext) (hertz).
func HandlerKind(sig *types.Signature) Framework {
	ps := sig.Params()
	switch ps.Len() {
	case 3:
		if !handlerParam(ps.At(2).Type()) {
			return 0
		}
		fallthrough
	case 2:
		if IsNamed(ps.At(0).Type(), PathNetHTTP, "ResponseWriter") && IsNamed(ps.At(1).Type(), PathNetHTTP, "Request") {
			return NetHTTP
		}
		if ps.Len() == 2 && sig.Results().Len() == 0 && IsNamed(ps.At(0).Type(), "context", "Context") {
			if f, ctx := afterContext(ps.At(1).Type()); ctx {
				return f
			}
		}
	case 1:
		f := ResponseParam(ps.At(0).Type())
		if f == Gin || f != NetHTTP && f != 0 && sig.Results().Len() == 1 && isError(sig.Results().At(0).Type()) {
			return f
		}
	}
	return 0
}

// handlerParam reports whether t is a type a framework's net/http
// handlers take after the request.
func handlerParam(t types.Type) bool {
	for _, p := range reg().params {
		if IsNamed(t, p.path, p.name) {
			return true
		}
	}
	return false
}

// afterContext reports which framework's response t is, if handlers
// receive it after a context.Context.
func afterContext(t types.Type) (Framework, bool) {
	if obj := namedObj(t); obj != nil && obj.Pkg() != nil {
		for _, r := range reg().responses {
			if r.afterContext && r.name == obj.Name() && r.path == obj.Pkg().Path() {
				return r.framework, true
			}
		}
	}
	return 0, false
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// PkgPath returns the import path of obj's package, without a vendor
// prefix.
func PkgPath(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	p := obj.Pkg().Path()
	if strings.Contains(p, "/vendor/") { // rare; Contains is the cheaper test
		p = p[strings.LastIndex(p, "/vendor/")+len("/vendor/"):]
	}
	return p
}

// RecvName returns the name of the type of fn's receiver, through a
// pointer, or "" for a function.
func RecvName(fn *types.Func) string {
	r := fn.Signature().Recv()
	if r == nil {
		return ""
	}
	if obj := namedObj(r.Type()); obj != nil {
		return obj.Name()
	}
	return ""
}
