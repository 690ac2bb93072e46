package httpfw

// Gin is github.com/gin-gonic/gin, at v1.12.0.
const Gin Framework = 2

// pathGin is gin's import path.
const pathGin = "github.com/gin-gonic/gin"

func gin() spec {
	return spec{
		framework: Gin, name: "gin", path: pathGin,
		calls: ginCalls(),
		// Bind*, ShouldBind* and MustBindWith (context.go).
		decoders: []decoder{
			{"(*" + pathGin + ".Context).Bind*", 0},
			{"(*" + pathGin + ".Context).ShouldBind*", 0},
			{"(*" + pathGin + ".Context).MustBindWith", 0},
		},
		responses: []responseType{
			{path: pathGin, name: "Context", param: true},
			{path: pathGin, name: "ResponseWriter", records: true},
		},
		info: ginInfo,
		// RouterGroup.Use appends to the group's Handlers; Group and
		// handle copy them then (combineHandlers, routergroup.go),
		// and Engine.Use is RouterGroup.Use (gin.go).
		router: Router{Middleware: []string{"Use"}, Groups: []string{"Group"}, Next: "Next",
			Order: ordered(Copied, pathGin, "Engine", "RouterGroup", "IRoutes")},
	}
}

// ginCalls lists gin v1.12.0's response calls, request reads and body
// reads (context.go, response_writer.go). Render calls take the status
// first and write a whole response. Context.Status and the writer's
// WriteHeader only record the code, sent with the first write
// (WriteHeaderNow); AbortWithStatus sends it; a write after that goes
// straight to net/http, so gin does not buffer. Abort and the AbortWith
// calls set the handler index past the chain's end, so a later Next
// runs nothing. AbortWithError is AbortWithStatus plus c.Error(err): it
// sends the status and writes no body, which a later write (often an
// error middleware rendering c.Errors) supplies.
func ginCalls() []row {
	ctx := []string{"*" + pathGin + ".Context"}
	rows := []row{
		// SetCookie(name, value, maxAge, path, domain, secure, httpOnly)
		// writes the SameSite of the context, set by an earlier
		// SetSameSite (reset to 0, which writes nothing, on every
		// request); SetCookieData(cookie) writes it only for an explicit
		// http.SameSiteDefaultMode, so a zero SameSite stays unwritten.
		{"(*github.com/gin-gonic/gin.Context).SetCookie", setCookie()},
		{"(*github.com/gin-gonic/gin.Context).SetCookieData", setCookieData()},
		{"(*github.com/gin-gonic/gin.Context).SetSameSite", do(SetSameSite, 0)},
		{"(*github.com/gin-gonic/gin.Context).Header", do(HeaderSet, 0)},
		{"(*github.com/gin-gonic/gin.Context).Status", do(Status, 0).record()},
		{"(*github.com/gin-gonic/gin.Context).AbortWithStatus", do(Status, 0).aborts()},
		{"(*github.com/gin-gonic/gin.Context).Abort", do(Abort, None)},
		{"(*github.com/gin-gonic/gin.Context).String", body(BodyString, 1).status(0)},
		{"(*github.com/gin-gonic/gin.Context).Data", body(BodyBytes, 2).status(0).contentType(1)},
		// render.Reader sets the Content-Type, then the extra headers.
		{"(*github.com/gin-gonic/gin.Context).DataFromReader", dataFromReader()},
		{"(*github.com/gin-gonic/gin.Context).HTML", body(BodyTemplate, 1).status(0)},
		// Render(-1, r) leaves the status alone and writes one more
		// piece, as SSEvent does.
		{"(*github.com/gin-gonic/gin.Context).Render", body(BodyOther, 1).status(0).streamUnset()},
		{"(*github.com/gin-gonic/gin.Context).File", body(BodyFile, 0)},
		{"(*github.com/gin-gonic/gin.Context).FileFromFS", body(BodyFile, 0)},
		{"(*github.com/gin-gonic/gin.Context).FileAttachment", body(BodyFile, 0).disposition("attachment", 1)},
		{"(*github.com/gin-gonic/gin.Context).SSEvent", body(BodyStream, 1).stream()},
		{"(*github.com/gin-gonic/gin.Context).Stream", body(BodyStream, None).stream()},
		{"(*github.com/gin-gonic/gin.Context).Redirect", do(Redirect, 0)},
		{"(*github.com/gin-gonic/gin.Context).AbortWithError", do(Status, 0).aborts()},
		// c.Next() runs the next handler on the response.
		{"(*github.com/gin-gonic/gin.Context).Next", do(Delegate, None)},
		// WriteHeaderNow sends the recorded status.
		{"(github.com/gin-gonic/gin.ResponseWriter).WriteHeaderNow", do(Flush, 0)},
		{"(github.com/gin-gonic/gin.ResponseWriter).WriteString", body(BodyString, 0).stream()},
		// Request reads: Cookie, GetHeader (a request header), and Value,
		// which reads c.Keys for string keys.
		{"(*github.com/gin-gonic/gin.Context).Cookie", do(ReadCookie, 0)},
		{"(*github.com/gin-gonic/gin.Context).Query", do(ReadQuery, 0)},
		{"(*github.com/gin-gonic/gin.Context).DefaultQuery", do(ReadQuery, 0)},
		{"(*github.com/gin-gonic/gin.Context).GetQuery", do(ReadQuery, 0)},
		{"(*github.com/gin-gonic/gin.Context).GetHeader", do(ReadHeader, 0)},
		{"(*github.com/gin-gonic/gin.Context).Value", do(ReadContext, 0)},
		// Set stores in c.Keys, for Get and the typed getters.
		{"(*github.com/gin-gonic/gin.Context).Set", do(StoreValue, 0)},
	}
	rows = append(rows, on(ctx, []string{"JSON", "IndentedJSON", "SecureJSON", "PureJSON", "AsciiJSON", "JSONP"},
		body(BodyJSON, 1).status(0))...)
	rows = append(rows, on(ctx, []string{"AbortWithStatusJSON", "AbortWithStatusPureJSON"},
		body(BodyJSON, 1).status(0).aborts())...)
	rows = append(rows, on(ctx, []string{"XML", "YAML", "TOML", "ProtoBuf", "BSON"}, body(BodyOther, 1).status(0))...)
	// The c.Keys store, read by Get, MustGet and the typed getters.
	rows = append(rows, on(ctx, []string{"Get", "MustGet", "GetString", "GetBool", "GetInt", "GetInt8", "GetInt16",
		"GetInt32", "GetInt64", "GetUint", "GetUint8", "GetUint16", "GetUint32", "GetUint64",
		"GetFloat32", "GetFloat64", "GetTime", "GetDuration", "GetError", "GetIntSlice",
		"GetInt8Slice", "GetInt16Slice", "GetInt32Slice", "GetInt64Slice", "GetUintSlice",
		"GetUint8Slice", "GetUint16Slice", "GetUint32Slice", "GetUint64Slice", "GetFloat32Slice",
		"GetFloat64Slice", "GetStringSlice", "GetErrorSlice", "GetStringMap", "GetStringMapString",
		"GetStringMapStringSlice"}, do(ReadLocal, 0))...)
	// Body reads: the binders (Bind and ShouldBind pick the body's binding
	// for POST, PUT and PATCH), raw data, post forms.
	rows = append(rows, on(ctx, []string{"Bind", "ShouldBind", "BindJSON", "ShouldBindJSON", "BindXML",
		"ShouldBindXML", "BindYAML", "ShouldBindYAML", "BindTOML", "ShouldBindTOML", "ShouldBindBodyWith",
		"ShouldBindBodyWithJSON", "ShouldBindBodyWithXML", "ShouldBindBodyWithYAML", "ShouldBindBodyWithTOML",
		"GetRawData", "PostForm", "DefaultPostForm", "GetPostForm", "PostFormArray", "GetPostFormArray",
		"PostFormMap", "GetPostFormMap", "FormFile", "MultipartForm"}, do(ReadBody, None))...)
	return rows
}

// dataFromReader is gin's DataFromReader(code, contentLength,
// contentType, reader, extraHeaders).
func dataFromReader() Call {
	c := body(BodyStream, 3).status(0).contentType(2)
	c.Implies.Headers = 4
	return c
}

func setCookie() Call {
	c := do(CookieArgs, 0)
	c.ArgFields = []string{"Name", "Value", "MaxAge", "Path", "Domain", "Secure", "HttpOnly"}
	return c
}

func setCookieData() Call {
	c := do(SetCookie, 0)
	c.ContextSameSite = true
	return c
}

// ginInfo: gin v1.12.0 (response_writer.go) sends the header with the
// first body write; a later WriteHeader with another code logs a warning,
// one with the same code is ignored (WriteHeader).
var ginInfo = Info{
	SendsHeader:      "gin sends the header with the first body write and ignores later changes",
	SecondStatus:     `gin keeps the different status already sent and logs "[WARNING] Headers were already written"`,
	SameStatusSilent: true,
	OwnRules:         true,
	SetHeader:        "%[1]s.Header(%[2]s, %[3]s)",
	AddHeader:        "%[1]s.Writer.Header().Add(%[2]s, %[3]s)",
	FileAttachment:   [2]string{"File", "FileAttachment"},
	ExtraHeaders:     "DataFromReader",
	Middleware:       "%[1]s.Use(func(c *%[2]s.Context) {\n\tc.Header(%[3]s)\n})",
	// SetCookie and SetCookieData turn an empty path into "/"
	// (context.go).
	Cookie: CookieRules{
		EmptyPath:      "/",
		SameSiteSetter: "SetSameSite",
		ArgsHint: map[string]string{
			"HttpOnly": "pass httpOnly=true to SetCookie",
			"Secure":   "pass secure=true to SetCookie",
			"SameSite": "call c.SetSameSite(http.SameSiteLaxMode) before SetCookie",
			"Path":     `pass path "/" to SetCookie`,
		},
	},
}
