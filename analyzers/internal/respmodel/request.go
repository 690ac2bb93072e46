package respmodel

import (
	"go/ast"
	"go/types"
	"reflect"
)

// requestRows lists the calls that read the request body: decoding it,
// parsing it as a form, taking a file from it. They are methods of the
// request or the framework's context, or take the body as a reader
// (json.NewDecoder(r.Body), io.ReadAll(r.Body)). Calls that may also
// read only the query (net/http's ParseForm and FormValue) are left out;
// echo's Bind counts only where it cannot (bindsOnlyBody).
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
		add(p, list("Context"), list("Bind"), 0)
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
	case a.name == "Bind" && (a.path == pathEchoV4 || a.path == pathEchoV5):
		if len(call.Args) != 1 || !bindsOnlyBody(m.info.TypeOf(call.Args[0])) {
			return nil
		}
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

// bindsOnlyBody reports whether echo's Bind into a value of type t can
// fill it only from the request body. Its DefaultBinder (echo v4.16.0 and
// v5.4.4 bind.go) binds path parameters into fields tagged param, query
// parameters (for GET, DELETE and HEAD only) into fields tagged query,
// descending into untagged struct fields, and then the body. Into a
// struct with neither tag, what Bind reads is the body, as in a POST
// handler.
func bindsOnlyBody(t types.Type) bool {
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
