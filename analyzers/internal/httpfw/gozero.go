package httpfw

// GoZero is github.com/zeromicro/go-zero, at v1.10.3: its rest server
// runs net/http handlers, which respond through httpx.
const GoZero Framework = 9

// Import paths of go-zero's rest server and its httpx helpers.
const (
	pathGoZeroRest  = "github.com/zeromicro/go-zero/rest"
	pathGoZeroHttpx = pathGoZeroRest + "/httpx"
)

// goZero is go-zero's spec: httpx's JSON writers, which marshal with its
// own jsonx where the model cannot follow the type, and its JSON
// request parsers (rest/httpx responses.go, requests.go); its routes are
// rest.Route literals given to Server.AddRoute and AddRoutes, with
// Server.Use and rest.WithMiddlewares adding middleware of type
// func(http.HandlerFunc) http.HandlerFunc (rest/server.go, types.go).
func goZero() spec {
	return spec{
		framework: GoZero, name: "go-zero", path: pathGoZeroHttpx,
		calls: goZeroCalls(),
		decoders: []decoder{
			{pathGoZeroHttpx + ".Parse", 1},
			{pathGoZeroHttpx + ".ParseJsonBody", 1},
		},
		router: Router{
			Middleware: []string{"Use"},
			Routes:     []RouteType{{Path: pathGoZeroRest, Name: "Route", Handler: "Handler", Method: "Method", Pattern: "Path"}},
		},
	}
}

// goZeroCalls lists httpx v1.10.3's calls (responses.go, requests.go).
// OkJson and OkJsonCtx write 200; WriteJson and WriteJsonCtx take the
// status; Error and ErrorCtx write an error response whose status and
// body the error handler set with SetErrorHandler chooses.
func goZeroCalls() []row {
	const p = pathGoZeroHttpx
	return []row{
		{p + ".OkJson", body(BodyJSON, 1)},
		{p + ".OkJsonCtx", body(BodyJSON, 2)},
		{p + ".WriteJson", body(BodyJSON, 2).status(1)},
		{p + ".WriteJsonCtx", body(BodyJSON, 3).status(2)},
		{p + ".Error", do(Error, 1)},
		{p + ".ErrorCtx", do(Error, 2)},
		// Parse also fills path, form and header fields, and is what
		// generated GET handlers call: only ParseJsonBody says the
		// request has a body.
		{p + ".ParseJsonBody", do(ReadBody, None)},
	}
}
