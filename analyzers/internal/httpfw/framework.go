package httpfw

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
	PathNetHTTP  = "net/http"
	PathGin      = "github.com/gin-gonic/gin"
	PathEchoV4   = "github.com/labstack/echo/v4"
	PathEchoV5   = "github.com/labstack/echo/v5"
	PathFiberV2  = "github.com/gofiber/fiber/v2"
	PathFiberV3  = "github.com/gofiber/fiber/v3"
	PathSessions = "github.com/gorilla/sessions"
	PathRender   = "github.com/go-chi/render"
	// fasthttp is what fiber v2 and v3 serialise responses with (v1.69.0).
	PathFasthttp = "github.com/valyala/fasthttp"
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

// Buffers reports whether f sends the whole response after the handler
// returns (Info.Buffers).
func (f Framework) Buffers() bool { return Of(f).Buffers }

// Package returns the framework whose package path is path, or 0.
func Package(path string) Framework {
	switch path {
	case PathNetHTTP:
		return NetHTTP
	case PathGin:
		return Gin
	case PathEchoV4:
		return EchoV4
	case PathEchoV5:
		return EchoV5
	case PathFiberV2:
		return FiberV2
	case PathFiberV3:
		return FiberV3
	case PathSessions:
		return GorillaSessions
	case PathRender:
		return ChiRender
	}
	return 0
}
