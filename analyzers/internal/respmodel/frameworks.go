package respmodel

import (
	"go/types"
	"strings"
)

// Framework names the library a response event goes through.
type Framework uint8

const (
	NetHTTP Framework = iota + 1
	Gin
	EchoV4
	EchoV5
	FiberV2
	FiberV3
	GorillaSessions
	ChiRender
)

// Import paths of the modelled frameworks, at the versions named in
// testdata/go.mod (gin v1.12.0, echo v4.16.0 and v5.4.4, fiber v2.52.15
// and v3.1.0, gorilla/sessions v1.4.0, go-chi/render v1.0.3).
const (
	pathNetHTTP  = "net/http"
	pathGin      = "github.com/gin-gonic/gin"
	pathEchoV4   = "github.com/labstack/echo/v4"
	pathEchoV5   = "github.com/labstack/echo/v5"
	pathFiberV2  = "github.com/gofiber/fiber/v2"
	pathFiberV3  = "github.com/gofiber/fiber/v3"
	pathSessions = "github.com/gorilla/sessions"
	pathRender   = "github.com/go-chi/render"
	// fasthttp is what fiber v2 and v3 serialise responses with (v1.69.0).
	pathFasthttp = "github.com/valyala/fasthttp"
)

var frameworkNames = [...]string{
	NetHTTP: "net/http", Gin: "gin", EchoV4: "echo", EchoV5: "echo/v5",
	FiberV2: "fiber", FiberV3: "fiber/v3", GorillaSessions: "gorilla/sessions",
	ChiRender: "chi/render",
}

func (f Framework) String() string {
	if int(f) < len(frameworkNames) && frameworkNames[f] != "" {
		return frameworkNames[f]
	}
	return "unknown"
}

// Fiber reports whether f buffers the whole response (fiber v2 and v3),
// so that header order does not matter.
func (f Framework) Fiber() bool { return f == FiberV2 || f == FiberV3 }

// PackageFramework returns the framework whose package path is path, or 0.
func PackageFramework(path string) Framework { return frameworkOf(path) }

func frameworkOf(path string) Framework {
	switch path {
	case pathNetHTTP:
		return NetHTTP
	case pathGin:
		return Gin
	case pathEchoV4:
		return EchoV4
	case pathEchoV5:
		return EchoV5
	case pathFiberV2:
		return FiberV2
	case pathFiberV3:
		return FiberV3
	case pathSessions:
		return GorillaSessions
	case pathRender:
		return ChiRender
	}
	return 0
}

// isNamed reports whether t (or *t) is the named type path.name.
func isNamed(t types.Type, path, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == path
}

// ResponseParam reports which framework's response a parameter of type t
// carries: http.ResponseWriter, or an interface of some of its methods
// that has Header (httpsafe.Headerer, interface{ Header() http.Header }),
// *gin.Context, echo.Context (v4), *echo.Context (v5), *fiber.Ctx (v2) or
// fiber.Ctx (v3).
func ResponseParam(t types.Type) Framework {
	switch {
	case isNamed(t, pathNetHTTP, "ResponseWriter"), headerer(t):
		return NetHTTP
	case isNamed(t, pathGin, "Context"):
		return Gin
	case isNamed(t, pathEchoV4, "Context"):
		return EchoV4
	case isNamed(t, pathEchoV5, "Context"):
		return EchoV5
	case isNamed(t, pathFiberV2, "Ctx"):
		return FiberV2
	case isNamed(t, pathFiberV3, "Ctx"):
		return FiberV3
	}
	return 0
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
			header = sig.Params().Len() == 0 && sig.Results().Len() == 1 && isNamed(sig.Results().At(0).Type(), pathNetHTTP, "Header")
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
// framework: func(http.ResponseWriter, *http.Request), func(*gin.Context),
// func(echo.Context) error, func(*echo.Context) error, func(*fiber.Ctx)
// error, func(fiber.Ctx) error.
func HandlerKind(sig *types.Signature) Framework {
	ps := sig.Params()
	switch ps.Len() {
	case 2:
		if isNamed(ps.At(0).Type(), pathNetHTTP, "ResponseWriter") && isNamed(ps.At(1).Type(), pathNetHTTP, "Request") {
			return NetHTTP
		}
	case 1:
		f := ResponseParam(ps.At(0).Type())
		if f == Gin || f != NetHTTP && f != 0 && sig.Results().Len() == 1 && isError(sig.Results().At(0).Type()) {
			return f
		}
	}
	return 0
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// pkgPath returns the import path of obj's package, without a vendor prefix.
func pkgPath(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	p := obj.Pkg().Path()
	if strings.Contains(p, "/vendor/") { // rare; Contains is the cheaper test
		p = p[strings.LastIndex(p, "/vendor/")+len("/vendor/"):]
	}
	return p
}
