package httpfw

// Hertz is github.com/cloudwego/hertz, at v0.10.4. It is not built on
// net/http: handlers take func(context.Context, *app.RequestContext).
const Hertz Framework = 10

// Import paths of hertz's request context and of its protocol package
// (headers, cookies).
const (
	pathHertzApp      = "github.com/cloudwego/hertz/pkg/app"
	pathHertzProtocol = "github.com/cloudwego/hertz/pkg/protocol"
	pathHertzSSE      = "github.com/cloudwego/hertz/pkg/protocol/sse"
	pathHertzRoute    = "github.com/cloudwego/hertz/pkg/route"
)

func hertz() spec {
	return spec{
		framework: Hertz, name: "hertz", path: pathHertzApp,
		calls: hertzCalls(),
		// Bind, BindAndValidate and the Bind* of one source
		// (context.go).
		decoders: []decoder{
			{"(*" + pathHertzApp + ".RequestContext).Bind*", 0},
		},
		responses: []responseType{{path: pathHertzApp, name: "RequestContext", param: true, afterContext: true}},
		info:      hertzInfo,
		// route/engine.go, routergroup.go: Use and Group, as gin,
		// and the copies of combineHandlers.
		router: Router{Middleware: []string{"Use"}, Groups: []string{"Group"}, Next: "Next",
			Order: ordered(Copied, pathHertzRoute, "Engine", "RouterGroup", "IRoutes")},
	}
}

// hertzProtocol is the response header of hertz's protocol package,
// c.Response.Header, and the request header's Get, c.Request.Header.Get
// (header.go); and the writer of server-sent events.
func hertzProtocol() spec {
	h := []string{"*" + pathHertzProtocol + ".ResponseHeader"}
	rows := on(h, []string{"Set"}, do(HeaderSet, 0))
	rows = append(rows, on(h, []string{"Add"}, do(HeaderAdd, 0))...)
	rows = append(rows, on(h, []string{"Del"}, do(HeaderDel, 0))...)
	rows = append(rows, on(h, []string{"SetContentType"}, do(ContentType, 0))...)
	rows = append(rows, on([]string{"*" + pathHertzProtocol + ".RequestHeader"}, []string{"Get"}, do(ReadHeader, 0))...)
	// sse.NewWriter(c) (protocol/sse/writer.go) hijacks the response
	// with a chunked body writer (protocol/http1/resp/writer.go), whose
	// first Write sends the header (chunkedBodyWriter.WriteHeader) and
	// each later one a chunk: every Write* method of sse.Writer writes
	// and flushes, while the handler runs.
	sse := []string{"*" + pathHertzSSE + ".Writer"}
	rows = append(rows, on(sse, []string{"Write", "WriteEvent", "WriteComment", "WriteKeepAlive"}, do(Encode, None).kind(BodyStream).stream())...)
	return spec{framework: Hertz, calls: rows}
}

// hertzCalls lists hertz v0.10.4's RequestContext calls (pkg/app
// context.go). Render calls take the status first. Header(k, "") deletes
// the header.
func hertzCalls() []row {
	ctx := []string{"*" + pathHertzApp + ".RequestContext"}
	var rows []row
	for _, r := range []struct {
		names []string
		call  Call
	}{
		{[]string{"SetCookie", "SetPartitionedCookie"}, hertzCookie()},
		{[]string{"Header"}, do(HeaderSet, 0)},
		{[]string{"SetContentType"}, do(ContentType, 0)},
		{[]string{"Status", "SetStatusCode"}, do(Status, 0)},
		{[]string{"AbortWithStatus"}, do(Status, 0).aborts()},
		{[]string{"Abort"}, do(Abort, None)},
		{[]string{"JSON", "PureJSON", "IndentedJSON"}, body(BodyJSON, 1).status(0)},
		{[]string{"AbortWithStatusJSON"}, body(BodyJSON, 1).status(0).aborts()},
		{[]string{"String"}, body(BodyString, 1).status(0)},
		{[]string{"HTML"}, body(BodyTemplate, 1).status(0)},
		{[]string{"XML", "ProtoBuf", "Render"}, body(BodyOther, 1).status(0)},
		{[]string{"Data"}, body(BodyBytes, 2).status(0).contentType(1)},
		{[]string{"Write"}, body(BodyBytes, 0)},
		{[]string{"WriteString", "SetBodyString"}, body(BodyString, 0)},
		{[]string{"SetBodyStream"}, body(BodyStream, 0)},
		// File and FileFromFS serve a file (ServeFile and FS set
		// Last-Modified, fs.go); FileAttachment sets
		// Content-Disposition attachment with the name given first.
		{[]string{"File", "FileFromFS"}, body(BodyFile, 0)},
		{[]string{"FileAttachment"}, body(BodyFile, 0).disposition("attachment", 1)},
		{[]string{"Redirect"}, do(Redirect, 0)},
		{[]string{"AbortWithError"}, do(Error, 1).status(0).aborts()},
		{[]string{"AbortWithMsg"}, do(Error, 0).status(1).aborts()},
		{[]string{"NotFound"}, do(Error, None)},
		// c.Next(ctx) runs the next handler on the response.
		{[]string{"Next"}, do(Delegate, None)},
		// Request reads: Cookie, GetHeader (a request header), and the
		// c.Keys store (Get, MustGet and the typed getters); Value reads
		// c.Keys for string keys.
		{[]string{"Cookie"}, do(ReadCookie, 0)},
		{[]string{"Query", "DefaultQuery", "GetQuery"}, do(ReadQuery, 0)},
		{[]string{"GetHeader"}, do(ReadHeader, 0)},
		{[]string{"Value"}, do(ReadContext, 0)},
		{[]string{"Set"}, do(StoreValue, 0)},
		{[]string{"Get", "MustGet", "GetString", "GetBool", "GetInt", "GetInt32", "GetInt64", "GetUint",
			"GetUint32", "GetUint64", "GetFloat32", "GetFloat64", "GetTime", "GetDuration", "GetStringSlice",
			"GetStringMap", "GetStringMapString", "GetStringMapStringSlice"}, do(ReadLocal, 0)},
		// Body reads. Bind and BindAndValidate also bind the path, the
		// query and headers, and are left out.
		{[]string{"BindJSON", "BindForm", "BindProtobuf", "GetRawData", "Body", "PostForm", "DefaultPostForm",
			"GetPostForm", "PostFormArray", "GetPostFormArray", "FormFile", "MultipartForm"}, do(ReadBody, None)},
	} {
		rows = append(rows, on(ctx, r.names, r.call)...)
	}
	return rows
}

// hertzCookie is SetCookie(name, value, maxAge, path, domain, sameSite,
// secure, httpOnly).
func hertzCookie() Call {
	c := do(CookieArgs, 0)
	c.ArgFields = []string{"Name", "Value", "MaxAge", "Path", "Domain", "SameSite", "Secure", "HttpOnly"}
	return c
}

// hertzInfo: hertz v0.10.4 writes the response after the handler returns
// (pkg/protocol/http1/server.go, Serve: writeResponse), unless a handler
// hijacked the writer: then the hijacking writer's first Write sends the
// header as it is (protocol/http1/resp/writer.go), and later changes to
// c.Response.Header, its status among them, are never written.
var hertzInfo = Info{
	Buffers:           true,
	SendsHeader:       "hertz sends the response after the handler returns, but a hijacked writer (sse.NewWriter's) sends the header with its first write and ignores later changes",
	SecondStatus:      "hertz keeps the status already sent and ignores this one",
	SameStatusSilent:  true,
	SetHeader:         "%[1]s.Header(%[2]s, %[3]s)",
	AddHeader:         "%[1]s.Response.Header.Add(%[2]s, %[3]s)", // protocol.ResponseHeader.Add
	FileAttachment:    [2]string{"File", "FileAttachment"},
	Middleware:        "%[1]s.Use(func(ctx context.Context, c *%[2]s.RequestContext) {\n\tc.Header(%[3]s)\n\tc.Next(ctx)\n})",
	MiddlewarePkg:     pathHertzApp,
	MiddlewareImports: []string{"context"},
	// setCookie turns an empty path into "/"; protocol.CookieSameSite
	// has net/http's values (0 writes nothing, 1 a bare SameSite,
	// which browsers ignore), and Cookie.SetSameSite turns Secure on
	// for None (protocol/cookie.go).
	Cookie: CookieRules{
		EmptyPath:    "/",
		SecureIfNone: true,
		LaxMode:      [2]string{pathHertzProtocol, "CookieSameSiteLaxMode"},
		ArgsHint: map[string]string{
			"HttpOnly": "pass httpOnly=true to SetCookie",
			"Secure":   "pass secure=true to SetCookie",
			"SameSite": "pass protocol.CookieSameSiteLaxMode to SetCookie",
			"Path":     `pass path "/" to SetCookie`,
		},
	},
}
