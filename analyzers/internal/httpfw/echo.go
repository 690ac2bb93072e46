package httpfw

import (
	"go/types"
	"reflect"
)

// EchoV4 and EchoV5 are github.com/labstack/echo v4, at v4.16.0, and v5,
// at v5.4.4.
const (
	EchoV4 Framework = 3
	EchoV5 Framework = 4
)

// Their import paths.
const (
	pathEchoV4 = "github.com/labstack/echo/v4"
	pathEchoV5 = "github.com/labstack/echo/v5"
)

// echoRouter: Echo.Use adds middleware that runs after routing, Pre
// before it, for every route (ServeHTTP, echo.go); Group.Use appends to
// the group's middleware, which Group.Add and Group.Group copy (group.go).
func echoRouter(path string) Router {
	return Router{Middleware: []string{"Use", "Pre"}, Groups: []string{"Group"},
		Order: ordered(Copied, path, "Group")}
}

// echo is v4's or v5's spec. Handlers take the Context interface in v4,
// *Context in v5; Context.Bind and the DefaultBinder decode bodies
// (bind.go), into their first argument in v4 and the second in v5.
func echo(f Framework) spec {
	if f == EchoV4 {
		return spec{
			framework: f, name: "echo", path: pathEchoV4,
			calls: echoCalls(pathEchoV4),
			decoders: []decoder{
				{"(" + pathEchoV4 + ".Context).Bind", 0},
				{"(*" + pathEchoV4 + ".DefaultBinder).Bind", 0},
				{"(*" + pathEchoV4 + ".DefaultBinder).BindBody", 1},
			},
			responses: []responseType{{path: pathEchoV4, name: "Context", param: true}, {path: pathEchoV4, name: "Response"}},
			info:      echoInfo(pathEchoV4),
			router:    echoRouter(pathEchoV4),
		}
	}
	return spec{
		framework: f, name: "echo/v5", path: pathEchoV5,
		calls: echoCalls(pathEchoV5),
		decoders: []decoder{
			{"(*" + pathEchoV5 + ".Context).Bind", 0},
			{"(*" + pathEchoV5 + ".DefaultBinder).Bind", 1},
			{pathEchoV5 + ".BindBody", 1},
		},
		responses: []responseType{{path: pathEchoV5, name: "Context", param: true}, {path: pathEchoV5, name: "Response"}},
		info:      echoInfo(pathEchoV5),
		router:    echoRouter(pathEchoV5),
	}
}

// echoCalls lists the response calls, request reads and body reads that
// echo v4.16.0 (the Context interface) and v5.4.4 (*Context) share
// (context.go, response.go). Response.WriteHeader sends the header and
// marks the response committed; NoContent is a WriteHeader; render calls
// take the status first and write a whole response.
func echoCalls(path string) []row {
	ctx := []string{path + ".Context"}
	if path == pathEchoV5 {
		ctx[0] = "*" + ctx[0]
	}
	rows := []row{{"(*" + path + ".Response).Flush", do(Flush, 0)}}
	for _, r := range []struct {
		names []string
		call  Call
	}{
		{[]string{"SetCookie"}, do(SetCookie, 0)},
		{[]string{"JSON", "JSONPretty"}, body(BodyJSON, 1).status(0)},
		{[]string{"JSONP"}, body(BodyJSON, 2).status(0)},
		{[]string{"JSONBlob", "HTMLBlob"}, body(BodyBytes, 1).status(0)},
		{[]string{"JSONPBlob"}, body(BodyBytes, 2).status(0)},
		{[]string{"String", "HTML"}, body(BodyString, 1).status(0)},
		{[]string{"Render"}, body(BodyTemplate, 2).status(0)},
		{[]string{"Blob"}, body(BodyBytes, 2).status(0).contentType(1)},
		{[]string{"Stream"}, body(BodyStream, 2).status(0).contentType(1)},
		{[]string{"XML", "XMLPretty", "XMLBlob"}, body(BodyOther, 1).status(0)},
		{[]string{"File"}, body(BodyFile, 0)},
		{[]string{"Attachment"}, body(BodyFile, 0).disposition("attachment", 1)},
		{[]string{"Inline"}, body(BodyFile, 0).disposition("inline", 1)},
		{[]string{"NoContent"}, do(Status, 0)},
		{[]string{"Redirect"}, do(Redirect, 0)},
		// Request reads: Cookie and the c.Get store.
		{[]string{"Cookie"}, do(ReadCookie, 0)},
		{[]string{"QueryParam", "FormValue"}, do(ReadQuery, 0)},
		{[]string{"Get"}, do(ReadLocal, 0)},
		{[]string{"Set"}, do(StoreValue, 0)},
		// Body reads; Bind counts only into a value it can fill from
		// the body alone (see BindsOnlyBody).
		{[]string{"FormFile", "MultipartForm"}, do(ReadBody, None)},
		{[]string{"Bind"}, bindsAll()},
	} {
		rows = append(rows, on(ctx, r.names, r.call)...)
	}
	if path == pathEchoV4 {
		// v4's Response writes through to net/http.
		return append(rows,
			row{"(*" + path + ".Response).WriteHeader", do(Status, 0)},
			row{"(*" + path + ".Response).Write", body(BodyBytes, 0).stream()})
	}
	// v5 serves files from an fs.FS; its generic ContextGet and
	// ContextGetOr read the c.Get store (context_generic.go).
	return append(rows,
		row{"(*" + path + ".Context).FileFS", body(BodyFile, 0)},
		row{path + ".ContextGet", do(ReadLocal, 1)},
		row{path + ".ContextGetOr", do(ReadLocal, 1)})
}

// BindsOnlyBody reports whether echo's Bind into a value of type t can
// fill it only from the request body. Its DefaultBinder (echo v4.16.0 and
// v5.4.4 bind.go) binds path parameters into fields tagged param, query
// parameters (for GET, DELETE and HEAD only) into fields tagged query,
// descending into untagged struct fields, and then the body. Into a
// struct with neither tag, what Bind reads is the body, as in a POST
// handler.
func BindsOnlyBody(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	return ok && !hasBindTags(st, make(map[*types.Struct]bool))
}

func hasBindTags(st *types.Struct, seen map[*types.Struct]bool) bool {
	if seen[st] {
		return false
	}
	seen[st] = true
	for i := 0; i < st.NumFields(); i++ {
		tag := reflect.StructTag(st.Tag(i))
		if _, ok := tag.Lookup("query"); ok {
			return true
		}
		if _, ok := tag.Lookup("param"); ok {
			return true
		}
		if inner, ok := st.Field(i).Type().Underlying().(*types.Struct); ok && hasBindTags(inner, seen) {
			return true
		}
	}
	return false
}

// bindsAll is Context.Bind, which binds path and query parameters before
// the body (bind.go).
func bindsAll() Call {
	c := do(ReadBody, 0)
	c.BindsAll = true
	return c
}

// echoInfo: echo v4.16.0 and v5.4.4 (response.go) send the header with
// WriteHeader or the first write and log a second WriteHeader, each in
// its own words.
func echoInfo(path string) Info {
	ctx, logs := "%[2]s.Context", "response already committed"
	if path == pathEchoV5 {
		ctx, logs = "*"+ctx, "echo: response already written to client"
	}
	return Info{
		SendsHeader:    "echo sends the header with the first write or WriteHeader and ignores later changes",
		SecondStatus:   `echo drops this one and logs "` + logs + `"`,
		OwnRules:       true,
		SetHeader:      "%[1]s.Response().Header().Set(%[2]s, %[3]s)",
		AddHeader:      "%[1]s.Response().Header().Add(%[2]s, %[3]s)",
		Headerer:       "%s.Response()",
		FileAttachment: [2]string{"File", "Attachment"},
		Middleware: "%[1]s.Use(func(next %[2]s.HandlerFunc) %[2]s.HandlerFunc {\n" +
			"\treturn func(c " + ctx + ") error {\n" +
			"\t\tc.Response().Header().Set(%[3]s)\n" +
			"\t\treturn next(c)\n" +
			"\t}\n" +
			"})",
	}
}

// echoCORS is echo's CORS middleware. v4.16.0 (middleware/cors.go):
// CORSWithConfig allows every origin for no AllowOrigins or "*" and
// answers "*", also with AllowCredentials, unless
// UnsafeWildcardOriginWithAllowCredentials makes it answer with the
// request's origin; a "*" in an origin matches any text (a pattern of
// ".*"); AllowOriginFunc replaces AllowOrigins. v5.4.4:
// CORSWithConfig panics, and ToMiddleware fails, for no origins or for
// "*" with credentials, and for an origin without scheme or host (util.go
// validateOrigin); UnsafeAllowOriginFunc, whose second result allows,
// replaces AllowOrigins.
func echoCORS() spec {
	v4 := CORS{
		Library: "echo's CORS middleware", Arg: 0,
		Origins: "AllowOrigins", Credentials: "AllowCredentials", Unsafe: "UnsafeWildcardOriginWithAllowCredentials",
		Funcs:    []OriginFunc{{"AllowOriginFunc", 0}},
		EmptyAll: true, Star: StarSent, Wildcards: true,
	}
	v5 := CORS{
		Library: "echo's CORS middleware", Arg: 0,
		Origins: "AllowOrigins", Credentials: "AllowCredentials",
		Funcs: []OriginFunc{{"UnsafeAllowOriginFunc", 1}},
		Star:  StarRefused, Validates: true,
	}
	return spec{cors: []corsRow{
		{pathEchoV4 + "/middleware.CORSWithConfig", v4},
		{pathEchoV5 + "/middleware.CORSWithConfig", v5},
	}}
}
