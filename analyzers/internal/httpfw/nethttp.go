package httpfw

// NetHTTP is the standard library's net/http, at Go 1.26.
const NetHTTP Framework = 1

// PathNetHTTP is net/http's import path.
const PathNetHTTP = "net/http"

func netHTTP() spec {
	return spec{
		framework: NetHTTP, name: "net/http", path: PathNetHTTP,
		calls:     netHTTPCalls(),
		responses: []responseType{{path: PathNetHTTP, name: "ResponseWriter", param: true}},
		cookies:   []cookieType{{path: PathNetHTTP, name: "Cookie", shown: "http.Cookie", httpOnly: "HttpOnly"}},
		info:      netHTTPInfo,
	}
}

// netHTTPCalls lists net/http's response calls, request reads and body
// reads (Go 1.26 server.go, request.go, cookie.go). WriteHeader sends the
// header at once, but for an interim 1xx status (response.WriteHeader);
// Write sends it first; Error, NotFound, Redirect, ServeFile and
// ServeContent write a whole response.
func netHTTPCalls() []row {
	var (
		header   = []string{"net/http.Header"}
		request  = []string{"*net/http.Request"}
		readBody = do(ReadBody, None)
	)
	rows := []row{
		{"net/http.SetCookie", do(SetCookie, 1)},
		{"(net/http.ResponseWriter).WriteHeader", do(Status, 0).interim()},
		{"(net/http.ResponseWriter).Write", body(BodyBytes, 0).stream()},
		{"net/http.Error", do(Error, 1).status(2)},
		{"net/http.NotFound", do(Error, 0)},
		{"net/http.Redirect", do(Redirect, 3)},
		{"net/http.ServeFile", body(BodyFile, 2)},
		{"net/http.ServeFileFS", body(BodyFile, 3)},
		{"net/http.ServeContent", body(BodyFile, 2)},
		// Flush sends the header and what is buffered; http.Flusher is
		// also gin's c.Writer.Flush.
		{"(net/http.Flusher).Flush", do(Flush, 0)},
		{"(*net/http.ResponseController).Flush", do(Flush, 0)},
		// A middleware's next.ServeHTTP(w, r) on the response itself (not
		// on a wrapper that may buffer) hands it to another handler.
		{"(net/http.Handler).ServeHTTP", do(Delegate, 0)},
		{"(net/http.HandlerFunc).ServeHTTP", do(Delegate, 0)},
		// Request reads that may identify the user: cookies, basic auth,
		// request headers (Header.Get and Values on a Request's Header
		// field).
		{"(*net/http.Request).BasicAuth", do(BasicAuth, None)},
	}
	rows = append(rows, on(header, []string{"Set"}, do(HeaderSet, 0))...)
	rows = append(rows, on(header, []string{"Add"}, do(HeaderAdd, 0))...)
	rows = append(rows, on(header, []string{"Del"}, do(HeaderDel, 0))...)
	rows = append(rows, on(header, []string{"Get", "Values"}, do(ReadHeader, 0))...)
	rows = append(rows, on(request, []string{"Cookie", "CookiesNamed"}, do(ReadCookie, 0))...)
	// Query and form values: FormValue, and Get on r.URL.Query() (any
	// url.Values here: the model checks the receiver).
	rows = append(rows, on(request, []string{"FormValue"}, do(ReadQuery, 0))...)
	rows = append(rows, row{"(net/url.Values).Get", do(ReadQuery, 0)})
	// Body reads; ParseForm and FormValue may read only the query and are
	// left out.
	rows = append(rows, on(request, []string{"ParseMultipartForm", "MultipartReader", "FormFile", "PostFormValue"}, readBody)...)
	return rows
}

// netHTTPInfo: Go 1.26 server.go sends the header with the first Write or
// WriteHeader and logs a second WriteHeader (response.WriteHeader).
var netHTTPInfo = Info{
	SendsHeader:  "net/http sends the header with the first write or WriteHeader and ignores later changes",
	SecondStatus: `net/http drops this one and logs "superfluous response.WriteHeader call"`,
	SetHeader:    "%[1]s.Header().Set(%[2]s, %[3]s)",
	AddHeader:    "%[1]s.Header().Add(%[2]s, %[3]s)",
	Headerer:     "%s",
	Middleware: "%[1]s.Use(func(next %[2]s.Handler) %[2]s.Handler {\n" +
		"\treturn %[2]s.HandlerFunc(func(w %[2]s.ResponseWriter, r *%[2]s.Request) {\n" +
		"\t\tw.Header().Set(%[3]s)\n" +
		"\t\tnext.ServeHTTP(w, r)\n" +
		"\t})\n" +
		"})",
	MiddlewarePkg:  PathNetHTTP,
	NoStoreHandler: true,
}
