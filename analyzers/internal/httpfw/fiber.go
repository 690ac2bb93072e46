package httpfw

// FiberV2 and FiberV3 are github.com/gofiber/fiber v2, at v2.52.15, and
// v3, at v3.1.0.
const (
	FiberV2 Framework = 5
	FiberV3 Framework = 6
)

// Their import paths, that of fasthttp (v1.69.0), which both serialise
// responses with, and those of their session middleware.
const (
	pathFiberV2        = "github.com/gofiber/fiber/v2"
	pathFiberV3        = "github.com/gofiber/fiber/v3"
	pathFasthttp       = "github.com/valyala/fasthttp"
	pathFiberV2Session = pathFiberV2 + "/middleware/session"
	pathFiberV3Session = pathFiberV3 + "/middleware/session"
)

// fiber is v2's or v3's spec. Handlers take *Ctx in v2, the Ctx
// interface in v3, whose response half is Res; v2's BodyParser (ctx.go)
// and v3's Bind().Body, JSON and All (bind.go) decode bodies.
func fiber(f Framework) spec {
	cookie := cookieType{name: "Cookie", shown: "fiber.Cookie", httpOnly: "HTTPOnly"}
	if f == FiberV2 {
		cookie.path = pathFiberV2
		return spec{
			framework: f, name: "fiber", path: pathFiberV2,
			calls:     fiberV2Calls(),
			decoders:  []decoder{{"(*" + pathFiberV2 + ".Ctx).BodyParser", 0}},
			responses: []responseType{{path: pathFiberV2, name: "Ctx", param: true}},
			cookies:   []cookieType{cookie},
			info:      fiberInfo(pathFiberV2),
			router:    fiberRouter(pathFiberV2),
		}
	}
	cookie.path = pathFiberV3
	return spec{
		framework: f, name: "fiber/v3", path: pathFiberV3,
		calls: fiberV3Calls(),
		decoders: []decoder{
			{"(*" + pathFiberV3 + ".Bind).Body", 0},
			{"(*" + pathFiberV3 + ".Bind).JSON", 0},
			{"(*" + pathFiberV3 + ".Bind).All", 0},
		},
		responses: []responseType{{path: pathFiberV3, name: "Ctx", param: true}, {path: pathFiberV3, name: "Res"}},
		cookies:   []cookieType{cookie},
		info:      fiberInfo(pathFiberV3),
		router:    fiberRouter(pathFiberV3),
	}
}

// fiberRouter: App.Use and Group.Use (app.go, group.go) register their
// handlers as a route of the app's stack, which a request runs through
// in registration order (register and next, router.go).
func fiberRouter(path string) Router {
	return Router{Middleware: []string{"Use"}, Groups: []string{"Group"}, Next: "Next",
		Order: ordered(Stacked, path, "App", "Group", "Router")}
}

// fasthttp's calls and its RequestCtx (fiber v2's c.Context()) act on
// fiber's response.
func fasthttp() spec {
	return spec{
		framework: FiberV2, calls: fasthttpCalls(),
		responses: []responseType{{path: pathFasthttp, name: "RequestCtx"}},
	}
}

// fiberSession is fiber's session middleware, which reads sessions.
func fiberSession() spec { return spec{calls: fiberSessionCalls()} }

// fiberCalls lists the response calls, request reads and body reads that
// fiber v2.52.15 (*Ctx, ctx.go) and v3.1.0 (the Ctx interface and its
// response and request halves, res.go and req.go) share. res holds the
// receivers of response methods, req those of request reads.
func fiberCalls(res, req []string) []row {
	var rows []row
	for _, r := range []struct {
		names []string
		call  Call
	}{
		{[]string{"Cookie"}, do(SetCookie, 0)},
		// ClearCookie(names...) sends, for each name, fasthttp v1.69.0's
		// ResponseHeader.DelClientCookie (header.go): the name, an empty
		// value and Expires in 2009, with no Path, Domain, Secure or
		// SameSite (fiber v2 ctx.go, v3 res.go; v3's "/" for an empty
		// path is its Cookie method's alone).
		{[]string{"ClearCookie"}, do(ClearCookie, 0)},
		{[]string{"Set"}, do(HeaderSet, 0)},
		{[]string{"Append"}, do(HeaderAdd, 0)},
		{[]string{"Vary"}, vary()},
		{[]string{"Status", "SendStatus"}, do(Status, 0)},
		{[]string{"JSON", "JSONP"}, body(BodyJSON, 0)},
		{[]string{"Send", "Write"}, body(BodyBytes, 0)},
		{[]string{"SendString", "WriteString", "Writef"}, body(BodyString, 0)},
		{[]string{"SendStream"}, body(BodyStream, 0)},
		{[]string{"Download"}, download()},
		{[]string{"Render"}, body(BodyTemplate, 1)},
		{[]string{"XML"}, body(BodyOther, 0)},
		{[]string{"Type"}, do(TypeExt, 0)},
		{[]string{"Attachment"}, do(Attachment, 0)},
	} {
		rows = append(rows, on(res, r.names, r.call)...)
	}
	// Request reads: Cookies; Get reads a request header; Locals with
	// one argument reads the per-request store, and with a value stores.
	rows = append(rows, on(req, []string{"Cookies"}, do(ReadCookie, 0))...)
	rows = append(rows, on(req, []string{"Query"}, do(ReadQuery, 0))...)
	rows = append(rows, on(req, []string{"Get"}, do(ReadHeader, 0))...)
	rows = append(rows, on(req, []string{"Locals"}, do(ReadLocal, 0).storesWithValue())...)
	return append(rows, on(req, []string{"Body", "BodyRaw", "FormFile", "FormValue", "MultipartForm"}, do(ReadBody, None))...)
}

// vary is Vary(fields...), which adds its fields to the Vary header.
func vary() Call {
	c := do(HeaderAdd, 0)
	c.Header = "Vary"
	return c
}

// download is Download(file, filename...), which sets Content-Disposition
// attachment, named after the file unless given a name.
func download() Call {
	c := body(BodyFile, 0).disposition("attachment", 1)
	c.Implies.BaseName = true
	return c
}

// fiberV2Calls lists fiber v2.52.15's calls (ctx.go).
func fiberV2Calls() []row {
	ctx := []string{"*" + pathFiberV2 + ".Ctx"}
	rows := fiberCalls(ctx, ctx)
	rows = append(rows, on(ctx, []string{"BodyParser"}, do(ReadBody, None))...)
	rows = append(rows, on(ctx, []string{"SendFile"}, body(BodyFile, 0))...)
	return append(rows, row{"(*" + pathFiberV2 + ".Ctx).Redirect", do(Redirect, 1)})
}

// fiberV3Calls lists fiber v3.1.0's calls. Ctx is an interface;
// DefaultCtx, its implementation, embeds DefaultReq and DefaultRes, whose
// methods its calls reach, and has Get, Status and Value of its own
// (ctx.go). Res.Get reads a response header and is left out; Value reads
// Locals; the generic Locals, GetReqHeader and ValueFromContext take the
// context first (req.go, helpers.go); c.Bind().Body(&v) reads the body
// (bind.go).
func fiberV3Calls() []row {
	const p = pathFiberV3
	res := []string{p + ".Ctx", p + ".Res", "*" + p + ".DefaultRes"}
	req := []string{p + ".Ctx", p + ".Req", "*" + p + ".DefaultReq"}
	ctx := []string{p + ".Ctx", "*" + p + ".DefaultCtx"}
	rows := fiberCalls(res, req)
	rows = append(rows, on(res, []string{"MsgPack", "CBOR"}, body(BodyOther, 0))...)
	rows = append(rows, on(res, []string{"SendStreamWriter"}, body(BodyStream, 0))...)
	// SendFile(file, config...): the config's Download field sets
	// Content-Disposition attachment, after serving the file.
	sendFile := body(BodyFile, 0).disposition("attachment", None)
	sendFile.Implies.Config = "Download"
	rows = append(rows, on(res, []string{"SendFile"}, sendFile)...)
	rows = append(rows, on(ctx, []string{"Value"}, do(ReadLocal, 0))...)
	rows = append(rows, on([]string{"*" + p + ".Bind"}, []string{"Body", "JSON", "XML", "CBOR", "MsgPack", "Form"}, do(ReadBody, None))...)
	return append(rows,
		row{"(*" + p + ".DefaultCtx).Status", do(Status, 0)},
		row{"(*" + p + ".DefaultCtx).Get", do(ReadHeader, 0)},
		row{p + ".Locals", do(ReadLocal, 1).storesWithValue()},
		row{p + ".ValueFromContext", do(ReadLocal, 1)},
		row{p + ".GetReqHeader", do(ReadHeader, 1)})
}

// fasthttpCalls lists the calls of fasthttp v1.69.0, which fiber v2 and
// v3 serialise responses with: response headers (c.Response().Header),
// the content type, and request reads (c.Request().Header).
func fasthttpCalls() []row {
	rows := []row{
		{"(*" + pathFasthttp + ".RequestHeader).Peek", do(ReadHeader, 0)},
		{"(*" + pathFasthttp + ".RequestHeader).Cookie", do(ReadCookie, 0)},
		// fiber v2's c.Response().BodyWriter()
		{"(*" + pathFasthttp + ".Response).BodyWriter", do(WriterResult, None)},
	}
	h := []string{"*" + pathFasthttp + ".ResponseHeader"}
	rows = append(rows, on(h, []string{"Set"}, do(HeaderSet, 0))...)
	rows = append(rows, on(h, []string{"Add"}, do(HeaderAdd, 0))...)
	rows = append(rows, on(h, []string{"Del"}, do(HeaderDel, 0))...)
	onResponse := do(ContentType, 0)
	onResponse.OnlyOn = pathFasthttp + ".ResponseHeader"
	return append(rows,
		row{"(*" + pathFasthttp + ".header).SetContentType", onResponse},
		row{"(*" + pathFasthttp + ".RequestCtx).SetContentType", do(ContentType, 0)})
}

// fiberSessionCalls lists the session stores of fiber's session
// middleware (v2 store.go; v3 store.go, middleware.go), and v2's
// Session.Save, which writes the session cookie (session.go setSession)
// on the response of the context the session was got with.
func fiberSessionCalls() []row {
	return []row{
		{"(*" + pathFiberV2Session + ".Store).Get", do(ReadSession, None)},
		{"(*" + pathFiberV2Session + ".Session).Save", do(SessionSave, None)},
		{"(*" + pathFiberV3Session + ".Store).Get", do(ReadSession, None)},
		{pathFiberV3Session + ".FromContext", do(ReadSession, None)},
	}
}

// fiberInfo: fiber v2.52.15 and v3.1.0 build the response in memory, and
// fasthttp v1.69.0 server.go writes it after the handler returns
// (serveConn: s.Handler(ctx), then writeResponse); Attachment sets
// Content-Disposition, Download serves a file as one, and v3's SendFile
// config has a Download field (res.go).
func fiberInfo(path string) Info {
	// Both write SameSite Lax for "" and any unrecognised string and
	// nothing for "disabled", and turn Secure on for SameSite=None
	// (fasthttp v1.69.0 Cookie.SetSameSite for v2; v3 res.go); v3 also
	// for a partitioned cookie, and turns an empty path into "/".
	ctx, config := "%[2]s.Ctx", "Download: true"
	cookie := CookieRules{StructOnly: true, SameSiteString: true, SecureIfNone: true, SecureIfPartitioned: true, EmptyPath: "/", Method: "Cookie"}
	if path == pathFiberV2 {
		ctx, config = "*"+ctx, ""
		cookie.SecureIfPartitioned, cookie.EmptyPath = false, ""
	}
	return Info{
		Buffers:        true,
		UseAny:         true,
		SetHeader:      "%[1]s.Set(%[2]s, %[3]s)",
		AddHeader:      "%[1]s.Append(%[2]s, %[3]s)", // v2 ctx.go, v3 res.go
		Attachment:     "%[1]s.Attachment(%[2]s)",
		Download:       [2]string{"SendFile", "Download"},
		DownloadConfig: config,
		Middleware:     "%[1]s.Use(func(c " + ctx + ") error {\n\tc.Set(%[3]s)\n\treturn c.Next()\n})",
		Cookie:         cookie,
	}
}

// fiberCORS is fiber's CORS middleware (middleware/cors): New takes an
// optional Config. v2.52.15: AllowOrigins is a comma-separated string,
// "*" by default when AllowOriginsFunc is nil; v3.1.0: a list, where
// none and no predicate allow every origin. Both panic at start-up for
// every origin with AllowCredentials and for an origin that is not a URL
// with a host (normalizeOrigin), and answer an origin that
// AllowOriginsFunc allows with itself.
func fiberCORS() spec {
	c := CORS{
		Library: "fiber's CORS middleware", Arg: 0,
		Origins: "AllowOrigins", OriginsCSV: true, Credentials: "AllowCredentials",
		Funcs:    []OriginFunc{{"AllowOriginsFunc", 0}},
		EmptyAll: true, Star: StarRefused, Validates: true,
	}
	v3 := c
	v3.OriginsCSV = false
	return spec{cors: []corsRow{
		{pathFiberV2 + "/middleware/cors.New", c},
		{pathFiberV3 + "/middleware/cors.New", v3},
	}}
}
