package respmodel

import (
	"go/ast"
	"go/types"
	"net/http"
	"sync"
)

// An op is what a framework call does to the response.
type op uint8

const (
	opSetCookie    op = iota + 1 // arg: the cookie
	opGinSetCookie               // gin's positional SetCookie
	opGinSameSite                // gin's SetSameSite, read by later SetCookie calls
	opHeaderSet                  // arg: name, arg+1: value
	opHeaderAdd
	opHeaderDel
	opStatus   // arg: the status code
	opBody     // arg: the body; status, if any, at statusArg
	opRedirect // arg: the status code, if any
	opError    // an error response
	// Identity reads (identity.go); arg: the cookie name, header name or
	// key read, -1 when there is none.
	opReadCookie
	opReadHeader
	opBasicAuth
	opReadContext
	opReadLocal
	opReadSession
	opReadBody // the request body (request.go); arg: the reader, -1 for a method of the request
	// Body writes through an io.Writer that is the response (writers.go);
	// arg: the writer, statusArg: the value written.
	opWriterBody
	opEncode      // an encoder or writer created on the response writes arg (-1: none)
	opCacheHelper // httpsafe's NoStore, Private and Public
	// Calls that describe a download (download.go).
	opContentType // arg: the media type
	opFiberType   // fiber's Type: arg: the extension, arg+1: the charset
	opAttachment  // fiber's Attachment: arg: the file name, if any
	opCSV         // csv.NewWriter: arg: the writer
	// Sending what is buffered (body.go).
	opFlush       // sends the header and anything buffered
	opSessionSave // gorilla/sessions writes the session cookie to arg
	opDelegate    // runs another handler on the response (arg, -1: the receiver)
)

// An adapter maps one framework function or method to what it does.
type adapter struct {
	path, recv, name string // recv is the receiver's type name, "" for functions
	op               op
	arg              int
	body             BodyKind
	statusArg        int // -1: none
}

// adapters returns the adapter table, built once per process: the model
// runs on every package of the dependency graph, and the table never
// changes after it is built.
var adapters = sync.OnceValue(adapterTable)

// adapterTable lists the response calls of every modelled framework, read
// from their sources at the versions in testdata/go.mod (see frameworks.go).
func adapterTable() map[string][]adapter {
	var rows []adapter
	add := func(path string, recvs []string, name string, o op, arg int, body BodyKind, status int) {
		for _, r := range recvs {
			rows = append(rows, adapter{path, r, name, o, arg, body, status})
		}
	}
	fn := []string{""}
	// net/http
	rows = append(rows, flushRows()...)
	add(pathNetHTTP, fn, "SetCookie", opSetCookie, 1, 0, -1)
	for _, h := range [][]string{{pathNetHTTP, "Header"}, {pathFasthttp, "ResponseHeader"}} {
		add(h[0], h[1:], "Set", opHeaderSet, 0, 0, -1)
		add(h[0], h[1:], "Add", opHeaderAdd, 0, 0, -1)
		add(h[0], h[1:], "Del", opHeaderDel, 0, 0, -1)
	}
	add(pathNetHTTP, []string{"ResponseWriter"}, "WriteHeader", opStatus, 0, 0, -1)
	add(pathNetHTTP, []string{"ResponseWriter"}, "Write", opBody, 0, BodyBytes, -1)
	add(pathNetHTTP, fn, "Error", opError, 1, 0, 2)
	add(pathNetHTTP, fn, "NotFound", opError, 0, 0, -1)
	add(pathNetHTTP, fn, "Redirect", opRedirect, 3, 0, -1)
	add(pathNetHTTP, fn, "ServeFile", opBody, 2, BodyFile, -1)
	add(pathNetHTTP, fn, "ServeFileFS", opBody, 3, BodyFile, -1)
	add(pathNetHTTP, fn, "ServeContent", opBody, 2, BodyFile, -1)
	add("encoding/csv", fn, "NewWriter", opCSV, 0, 0, -1)
	// go-chi/render
	add(pathRender, fn, "JSON", opBody, 2, BodyJSON, -1)
	add(pathRender, fn, "Render", opBody, 2, BodyJSON, -1)
	add(pathRender, fn, "RenderList", opBody, 2, BodyJSON, -1)
	add(pathRender, fn, "DefaultResponder", opBody, 2, BodyJSON, -1)
	add(pathRender, fn, "Respond", opBody, 2, BodyJSON, -1) // a package variable
	add(pathRender, fn, "PlainText", opBody, 2, BodyString, -1)
	add(pathRender, fn, "Data", opBody, 2, BodyBytes, -1)
	// gin v1.12.0 (*gin.Context)
	ctx := []string{"Context"}
	add(pathGin, ctx, "SetCookie", opGinSetCookie, 0, 0, -1)
	add(pathGin, ctx, "SetCookieData", opSetCookie, 0, 0, -1)
	add(pathGin, ctx, "SetSameSite", opGinSameSite, 0, 0, -1)
	add(pathGin, ctx, "Header", opHeaderSet, 0, 0, -1)
	add(pathGin, ctx, "Status", opStatus, 0, 0, -1)
	add(pathGin, ctx, "AbortWithStatus", opStatus, 0, 0, -1)
	for _, m := range []string{"JSON", "IndentedJSON", "SecureJSON", "PureJSON", "AsciiJSON", "JSONP", "AbortWithStatusJSON"} {
		add(pathGin, ctx, m, opBody, 1, BodyJSON, 0)
	}
	add(pathGin, ctx, "String", opBody, 1, BodyString, 0)
	add(pathGin, ctx, "Data", opBody, 2, BodyBytes, 0)
	add(pathGin, ctx, "DataFromReader", opBody, 3, BodyStream, 0)
	add(pathGin, ctx, "HTML", opBody, 1, BodyTemplate, 0)
	add(pathGin, ctx, "File", opBody, 0, BodyFile, -1)
	add(pathGin, ctx, "FileFromFS", opBody, 0, BodyFile, -1)
	add(pathGin, ctx, "FileAttachment", opBody, 0, BodyFile, -1)
	add(pathGin, ctx, "Redirect", opRedirect, 0, 0, -1)
	add(pathGin, ctx, "AbortWithError", opError, 1, 0, 0)
	// echo v4.16.0 (echo.Context interface) and v5.4.4 (*echo.Context)
	for _, p := range []string{pathEchoV4, pathEchoV5} {
		add(p, ctx, "SetCookie", opSetCookie, 0, 0, -1)
		add(p, ctx, "JSON", opBody, 1, BodyJSON, 0)
		add(p, ctx, "JSONPretty", opBody, 1, BodyJSON, 0)
		add(p, ctx, "JSONP", opBody, 2, BodyJSON, 0)
		add(p, ctx, "JSONBlob", opBody, 1, BodyBytes, 0)
		add(p, ctx, "String", opBody, 1, BodyString, 0)
		add(p, ctx, "HTML", opBody, 1, BodyString, 0)
		add(p, ctx, "Render", opBody, 2, BodyTemplate, 0)
		add(p, ctx, "Blob", opBody, 2, BodyBytes, 0)
		add(p, ctx, "Stream", opBody, 2, BodyStream, 0)
		add(p, ctx, "File", opBody, 0, BodyFile, -1)
		add(p, ctx, "FileFS", opBody, 0, BodyFile, -1)
		add(p, ctx, "Attachment", opBody, 0, BodyFile, -1)
		add(p, ctx, "Inline", opBody, 0, BodyFile, -1)
		add(p, ctx, "NoContent", opStatus, 0, 0, -1)
		add(p, ctx, "Redirect", opRedirect, 0, 0, -1)
	}
	add(pathEchoV4, []string{"Response"}, "WriteHeader", opStatus, 0, 0, -1)
	add(pathEchoV4, []string{"Response"}, "Write", opBody, 0, BodyBytes, -1)
	// fiber v2.52.15 (*fiber.Ctx) and v3.1.0 (fiber.Ctx, Res and their defaults)
	for _, f := range []struct {
		path  string
		recvs []string
	}{{pathFiberV2, []string{"Ctx"}}, {pathFiberV3, []string{"Ctx", "DefaultCtx", "Res", "DefaultRes"}}} {
		add(f.path, f.recvs, "Cookie", opSetCookie, 0, 0, -1)
		add(f.path, f.recvs, "Set", opHeaderSet, 0, 0, -1)
		add(f.path, f.recvs, "Append", opHeaderAdd, 0, 0, -1)
		add(f.path, f.recvs, "Status", opStatus, 0, 0, -1)
		add(f.path, f.recvs, "SendStatus", opStatus, 0, 0, -1)
		add(f.path, f.recvs, "JSON", opBody, 0, BodyJSON, -1)
		add(f.path, f.recvs, "JSONP", opBody, 0, BodyJSON, -1)
		add(f.path, f.recvs, "Send", opBody, 0, BodyBytes, -1)
		add(f.path, f.recvs, "SendString", opBody, 0, BodyString, -1)
		add(f.path, f.recvs, "SendStream", opBody, 0, BodyStream, -1)
		add(f.path, f.recvs, "SendFile", opBody, 0, BodyFile, -1)
		add(f.path, f.recvs, "Download", opBody, 0, BodyFile, -1)
		add(f.path, f.recvs, "Render", opBody, 1, BodyTemplate, -1)
		add(f.path, f.recvs, "Type", opFiberType, 0, 0, -1)
		add(f.path, f.recvs, "Attachment", opAttachment, 0, 0, -1)
	}
	add(pathFasthttp, []string{"header", "RequestCtx"}, "SetContentType", opContentType, 0, 0, -1)
	add(pathFiberV2, []string{"Ctx"}, "Redirect", opRedirect, 1, 0, -1)
	rows = append(rows, identityRows()...)
	rows = append(rows, writerRows()...)
	rows = append(rows, requestRows()...)

	table := make(map[string][]adapter)
	for _, r := range rows {
		table[r.name] = append(table[r.name], r)
	}
	return table
}

// recvName returns the name of the type of fn's receiver, through a
// pointer, or "" for a function.
func recvName(fn *types.Func) string {
	r := fn.Signature().Recv()
	if r == nil {
		return ""
	}
	t := r.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// lookup returns the adapter for a call of fn, if fn is a modelled call.
func (m *model) lookup(fn *types.Func) (adapter, bool) {
	rows := m.table[fn.Name()]
	if len(rows) == 0 {
		return adapter{}, false
	}
	path, recv := pkgPath(fn), recvName(fn)
	for _, a := range rows {
		if a.path == path && a.recv == recv {
			return a, true
		}
	}
	return adapter{}, false
}

// events returns the events of one modelled call.
func (m *model) events(a adapter, call *ast.CallExpr, s *scope, sink ast.Node) []*Event {
	arg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	ev := &Event{Framework: frameworkOf(a.path), call: call, node: call, Value: absent()}
	var pre []*Event // header events a body call implies, before its body
	if a.path == pathFasthttp {
		ev.Framework = FiberV2
	}
	switch a.op {
	case opSetCookie:
		if arg(a.arg) == nil {
			return nil
		}
		ev.Kind = SetCookie
		ev.Cookie = m.resolveCookie(arg(a.arg), s, sink, 0)
		if ev.Cookie == nil {
			return nil
		}
		if ev.Framework == Gin {
			m.ginCookieData(ev.Cookie, call, s)
		}
	case opGinSetCookie:
		if len(call.Args) != 7 {
			return nil
		}
		ev.Kind = SetCookie
		ev.Cookie = m.ginCookie(call, s)
	case opHeaderSet, opHeaderAdd, opHeaderDel:
		if !m.responseHeader(call, a) || arg(a.arg) == nil {
			return nil
		}
		ev.Kind = headerKind(a.op)
		name := m.eval(arg(a.arg), s.params)
		switch {
		case name.State == Known:
			ev.Header = http.CanonicalHeaderKey(name.Str)
		case name.State == Unknown && name.Param >= 0:
			ev.headerParam = name.Param + 1 // named at the helper's calls
		default:
			return nil
		}
		if v := arg(a.arg + 1); v != nil {
			ev.Value = m.evalString(v, s)
			if ev.Header == "Set-Cookie" && a.op != opHeaderDel {
				if c := m.headerCookie(v, s, sink); c != nil {
					c.Framework = ev.Framework
					c.syn.call = call
					ev.Kind, ev.Cookie = SetCookie, c
				}
			}
		}
	case opStatus:
		ev.Kind = WriteStatus
		if e := arg(a.arg); e != nil {
			ev.Value = m.eval(e, s.params)
		}
	case opBody:
		ev.Kind, ev.Body = WriteBody, a.body
		if e := arg(a.arg); e != nil {
			ev.bodyTyp = m.info.TypeOf(e)
			m.jsonBody(ev, e, s)
			if a.body == BodyFile {
				f := m.evalString(e, s)
				ev.File = &f
			}
		}
		if e := arg(a.statusArg); e != nil {
			ev.Value = m.eval(e, s.params)
		}
		pre = m.bodyHeaders(a, call, s)
	case opRedirect:
		ev.Kind = Redirect
	case opError:
		ev.Kind = Error
		if e := arg(a.statusArg); e != nil {
			ev.Value = m.eval(e, s.params)
		}
	case opReadCookie, opReadHeader, opBasicAuth, opReadContext, opReadLocal, opReadSession:
		return m.identityEvent(ev, a, call, s)
	case opWriterBody, opEncode, opCacheHelper:
		if !m.writerEvent(ev, a, call, s) {
			return nil
		}
	case opReadBody:
		return m.bodyReadEvent(ev, a, call)
	case opContentType, opFiberType, opAttachment, opCSV:
		return m.downloadEvents(a, call, s)
	case opFlush:
		f, ok := m.flushesResponse(call)
		if !ok {
			return nil
		}
		ev.Kind, ev.Framework = Flush, f
	case opDelegate:
		if a.arg >= 0 && m.delegateWriter(arg(a.arg)) == 0 {
			return nil
		}
		ev.Kind = Delegate
	case opSessionSave:
		if m.writerFramework(arg(a.arg)) == 0 {
			return nil
		}
		ev.Kind, ev.Cookie = SetCookie, sessionCookie()
	default:
		return nil
	}
	ev.Stage = m.statusStage(a, call, ev.Value)
	if ev.Cookie != nil {
		ev.Cookie.syn.sink = sink
		if ev.Cookie.syn.call == nil {
			ev.Cookie.syn.call = call
		}
	}
	return append(pre, ev)
}

// responseHeader reports whether a header call acts on a response: the
// http.Header must come from a Header() method call (w.Header(),
// c.Writer.Header(), c.Response().Header()), directly or through a
// variable; request headers (r.Header) are fields, not calls.
func (m *model) responseHeader(call *ast.CallExpr, a adapter) bool {
	if a.recv != "Header" || a.path != pathNetHTTP {
		return true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && m.isResponseHeader(sel.X)
}

// isResponseHeader reports whether x is an http.Header that comes from a
// Header() method call, directly or through a variable.
func (m *model) isResponseHeader(x ast.Expr) bool {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		if obj := m.info.Uses[id]; obj != nil {
			if rhs, ok := m.defs.single(obj); ok && rhs != nil {
				x = ast.Unparen(rhs)
			}
		}
	}
	hc, ok := x.(*ast.CallExpr)
	if !ok || len(hc.Args) != 0 {
		return false
	}
	hs, ok := ast.Unparen(hc.Fun).(*ast.SelectorExpr)
	return ok && hs.Sel.Name == "Header"
}

func headerKind(o op) Kind {
	switch o {
	case opHeaderAdd:
		return AddHeader
	case opHeaderDel:
		return DelHeader
	}
	return SetHeader
}
