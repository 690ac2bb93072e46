package respmodel

import (
	"go/ast"
	"go/constant"
	"strings"
)

// writerRows lists body writes that go through the response as an
// io.Writer (fmt, io, encoding/json, templates), the frameworks' less
// common body methods, and httpsafe's Cache-Control setters.
func writerRows() []adapter {
	var rows []adapter
	add := func(path string, recvs, names []string, o op, arg int, body BodyKind, status int) {
		for _, r := range recvs {
			for _, n := range names {
				rows = append(rows, adapter{path, r, n, o, arg, body, status})
			}
		}
	}
	list := func(s ...string) []string { return s }
	fn, ctx := list(""), list("Context")
	add("fmt", fn, list("Fprint", "Fprintf", "Fprintln"), opWriterBody, 0, BodyString, -1)
	add("io", fn, list("WriteString"), opWriterBody, 0, BodyString, -1)
	add("io", fn, list("Copy", "CopyN", "CopyBuffer"), opWriterBody, 0, BodyStream, -1)
	add("encoding/json", list("Encoder"), list("Encode"), opEncode, 0, BodyJSON, -1)
	for _, p := range []string{"html/template", "text/template"} {
		add(p, list("Template"), list("Execute", "ExecuteTemplate"), opWriterBody, 0, BodyTemplate, -1)
	}
	add(HttpsafePath, fn, list("NoStore", "Private", "Public"), opCacheHelper, 0, 0, -1)
	// gin v1.12.0 context.go and response_writer.go
	add(pathGin, ctx, list("XML", "YAML", "TOML", "ProtoBuf", "BSON"), opBody, 1, BodyOther, 0)
	add(pathGin, list("ResponseWriter"), list("WriteString"), opBody, 0, BodyString, -1)
	// echo v4.16.0 and v5.4.4 context.go
	for _, p := range []string{pathEchoV4, pathEchoV5} {
		add(p, ctx, list("XML", "XMLPretty", "XMLBlob"), opBody, 1, BodyOther, 0)
		add(p, ctx, list("HTMLBlob"), opBody, 1, BodyBytes, 0)
		add(p, ctx, list("JSONPBlob"), opBody, 2, BodyBytes, 0)
	}
	add(pathEchoV5, ctx, list("FileFS"), opBody, 0, BodyFile, -1)
	// fiber v2.52.15 ctx.go and v3.1.0 res.go
	for _, f := range []struct {
		path  string
		recvs []string
	}{{pathFiberV2, list("Ctx")}, {pathFiberV3, list("Ctx", "DefaultCtx", "Res", "DefaultRes")}} {
		add(f.path, f.recvs, list("XML"), opBody, 0, BodyOther, -1)
		add(f.path, f.recvs, list("Write"), opBody, 0, BodyBytes, -1)
		add(f.path, f.recvs, list("WriteString", "Writef"), opBody, 0, BodyString, -1)
	}
	add(pathFiberV3, list("Ctx", "DefaultCtx", "Res", "DefaultRes"), list("MsgPack", "CBOR"), opBody, 0, BodyOther, -1)
	add(pathFiberV3, list("Ctx", "DefaultCtx", "Res", "DefaultRes"), list("SendStreamWriter"), opBody, 0, BodyStream, -1)
	// go-chi/render v1.0.3
	add(pathRender, fn, list("XML"), opBody, 2, BodyOther, -1)
	add(pathRender, fn, list("HTML"), opBody, 2, BodyString, -1)
	add(pathRender, fn, list("Status"), opStatus, 1, 0, -1)
	return rows
}

// writerEvent completes ev for a write through an io.Writer, which is a
// body write only when the writer is the response, or for httpsafe's
// Cache-Control setters; it reports false when the call is neither.
func (m *model) writerEvent(ev *Event, a adapter, call *ast.CallExpr, s *scope) bool {
	switch a.op {
	case opWriterBody:
		if a.arg >= len(call.Args) {
			return false
		}
		if ev.Framework = m.writerFramework(call.Args[a.arg]); ev.Framework == 0 {
			return false
		}
		ev.Kind, ev.Body = WriteBody, a.body
		if data := m.printed(a, call); data != nil {
			m.jsonBody(ev, data, s)
		}
	case opEncode:
		if ev.Framework = m.writerFramework(m.encoderWriter(call)); ev.Framework == 0 {
			return false
		}
		ev.Kind, ev.Body = WriteBody, a.body
		if a.arg >= 0 && a.arg < len(call.Args) {
			ev.bodyTyp = m.info.TypeOf(call.Args[a.arg])
			m.jsonBody(ev, call.Args[a.arg], s)
		}
	case opCacheHelper:
		if len(call.Args) == 0 {
			return false
		}
		// httpsafe v0 cache.go: NoStore writes CacheControlNoStore;
		// Private and Public a max-age computed at run time.
		value := map[string]string{"NoStore": "private, no-store", "Private": "private, max-age", "Public": "public, max-age"}[a.name]
		ev.Kind, ev.Header, ev.Value = SetHeader, "Cache-Control", knownStr(value)
		ev.Framework = m.writerFramework(call.Args[0])
	}
	return true
}

// printed returns the one value that fmt.Fprint(w, v), fmt.Fprintln(w,
// v), fmt.Fprintf(w, "%s", v) (a format of one %s or %v verb) or
// io.WriteString(w, v) writes, or nil: the bytes a helper marshalled are
// often written so.
func (m *model) printed(a adapter, call *ast.CallExpr) ast.Expr {
	switch a.name {
	case "WriteString", "Fprint", "Fprintln":
		if len(call.Args) == 2 && !call.Ellipsis.IsValid() {
			return call.Args[1]
		}
	case "Fprintf":
		if len(call.Args) != 3 || call.Ellipsis.IsValid() {
			return nil
		}
		if f := m.info.Types[call.Args[1]].Value; f != nil && f.Kind() == constant.String {
			switch strings.TrimSuffix(constant.StringVal(f), "\n") {
			case "%s", "%v":
				return call.Args[2]
			}
		}
	}
	return nil
}
