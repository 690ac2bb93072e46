package respmodel

import "go/ast"

// requestRows lists the calls that read the request body: decoding it,
// parsing it as a form, taking a file from it. They are methods of the
// request or the framework's context, or take the body as a reader
// (json.NewDecoder(r.Body), io.ReadAll(r.Body)). Calls that may also
// read only the query (net/http's ParseForm and FormValue, echo's Bind)
// are left out.
func requestRows() []adapter {
	var rows []adapter
	add := func(path string, recvs, names []string, arg int) {
		for _, r := range recvs {
			for _, n := range names {
				rows = append(rows, adapter{path: path, recv: r, name: n, op: opReadBody, arg: arg, statusArg: -1})
			}
		}
	}
	list := func(s ...string) []string { return s }
	// net/http (Go 1.26 request.go); encoding/json and io on r.Body.
	add(pathNetHTTP, list("Request"), list("ParseMultipartForm", "MultipartReader", "FormFile", "PostFormValue"), -1)
	add("encoding/json", list("Decoder"), list("Decode"), -1)
	add("io", list(""), list("ReadAll"), 0)
	// gin v1.12.0 context.go: the body binders (Bind and ShouldBind pick
	// the body's binding for POST, PUT and PATCH), raw data, post forms.
	add(pathGin, list("Context"), list("Bind", "ShouldBind", "BindJSON", "ShouldBindJSON", "BindXML",
		"ShouldBindXML", "BindYAML", "ShouldBindYAML", "BindTOML", "ShouldBindTOML", "ShouldBindBodyWith",
		"ShouldBindBodyWithJSON", "ShouldBindBodyWithXML", "ShouldBindBodyWithYAML", "ShouldBindBodyWithTOML",
		"GetRawData", "PostForm", "DefaultPostForm", "GetPostForm", "PostFormArray", "GetPostFormArray",
		"PostFormMap", "GetPostFormMap", "FormFile", "MultipartForm"), -1)
	// echo v4.16.0 and v5.4.4 context.go
	for _, p := range []string{pathEchoV4, pathEchoV5} {
		add(p, list("Context"), list("FormFile", "MultipartForm"), -1)
	}
	// fiber v2.52.15 ctx.go; v3.1.0 req.go and bind.go (c.Bind().Body(&v))
	add(pathFiberV2, list("Ctx"), list("BodyParser", "Body", "BodyRaw", "FormFile", "FormValue", "MultipartForm"), -1)
	add(pathFiberV3, list("Ctx", "DefaultCtx", "Req", "DefaultReq"), list("Body", "BodyRaw", "FormFile", "FormValue", "MultipartForm"), -1)
	add(pathFiberV3, list("Bind"), list("Body", "JSON", "XML", "CBOR", "MsgPack", "Form"), -1)
	return rows
}

// bodyReadEvent completes ev for a read of the request body. A decoder or
// reader must be reading r.Body (directly, through a variable, or wrapped
// as in http.MaxBytesReader(w, r.Body, n)).
func (m *model) bodyReadEvent(ev *Event, a adapter, call *ast.CallExpr) []*Event {
	switch {
	case a.path == "encoding/json":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !m.readsRequestBody(sel.X, 0) {
			return nil
		}
	case a.arg >= 0:
		if a.arg >= len(call.Args) || !m.readsRequestBody(call.Args[a.arg], 0) {
			return nil
		}
	}
	ev.Kind = ReadBody
	return []*Event{ev}
}

// readsRequestBody reports whether e is, or reads from, a request's Body
// field: r.Body, json.NewDecoder(r.Body), io.LimitReader(r.Body, n).
func (m *model) readsRequestBody(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return x.Sel.Name == "Body" && isNamed(m.info.TypeOf(x.X), pathNetHTTP, "Request")
	case *ast.Ident:
		if obj := m.info.Uses[x]; obj != nil {
			if rhs, ok := m.defs.single(obj); ok && rhs != nil {
				return m.readsRequestBody(rhs, depth+1)
			}
		}
	case *ast.CallExpr:
		for _, arg := range x.Args {
			if m.readsRequestBody(arg, depth+1) {
				return true
			}
		}
	}
	return false
}
