package respmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// Stage is how far a response has gone towards the client. Stages only
// grow: once the status line and headers are sent, later header, cookie
// and status changes are dropped.
type Stage uint8

const (
	// Open: nothing is sent yet; headers, cookies and status still apply.
	Open Stage = iota
	// Sent: the status line and headers are sent (a body write, an
	// explicit WriteHeader, a flush); only body bytes can follow.
	Sent
	// Done: a complete response is written (an error page, a redirect,
	// a rendered body or file); anything written later is appended to it.
	Done
)

var stageNames = [...]string{Open: "open", Sent: "sent", Done: "done"}

func (s Stage) String() string {
	if int(s) < len(stageNames) {
		return stageNames[s]
	}
	return "unknown"
}

// callStage is the Stage a call of a modelled function takes the response
// to, in its framework, read from the sources at the versions in
// testdata/go.mod:
//
//   - net/http (go1.26 server.go, response.WriteHeader): WriteHeader
//     sends the header at once (1xx codes aside, see statusStage); Write
//     sends it first; http.Error, Redirect, NotFound, ServeFile and
//     ServeContent write a whole response.
//   - gin v1.12.0 (response_writer.go): Context.Status and
//     ResponseWriter.WriteHeader only record the code, sent with the
//     first write (WriteHeaderNow); a write after that is passed straight
//     to net/http, so gin does not buffer. AbortWithStatus calls
//     WriteHeaderNow; AbortWithError too, and is an error response whose
//     handler is done. JSON, String, Data, HTML, Redirect, File...
//     render a whole response.
//   - echo v4.16.0 and v5.4.4 (response.go): Response.WriteHeader sends
//     the header and sets Committed; a second call only logs "response
//     already committed" (v4) or "echo: response already written to
//     client" (v5). NoContent is a WriteHeader; JSON, String, Blob,
//     Stream, File, Redirect... write a whole response.
//   - fiber v2.52.15 and v3.1.0 build the response in memory
//     (fasthttp's Response); fasthttp v1.69.0 server.go writes it only
//     after the handler returns (serveConn: s.Handler(ctx), then
//     writeResponse), so nothing a handler does is ever late.
func callStage(a httpfw.Call) Stage {
	f := a.Framework
	switch {
	case f.Fiber():
		return Open
	case a.Op == httpfw.Redirect, a.Op == httpfw.Error:
		return Done
	case a.Op == httpfw.Status:
		if f == httpfw.Gin && a.Name == "Status" {
			return Open
		}
		return Sent
	case a.Op == httpfw.Flush, a.Op == httpfw.Delegate:
		return Sent
	case a.Op == httpfw.Body, a.Op == httpfw.WriterBody, a.Op == httpfw.Encode:
		if streams(a) {
			return Sent
		}
		return Done
	}
	return Open
}

// streams reports whether a body call writes part of a body, after which
// more may follow: ResponseWriter.Write, fmt.Fprintf(w, ...) and the like.
// The others (render calls, files) write a whole response.
func streams(a httpfw.Call) bool {
	switch {
	case a.Op == httpfw.WriterBody, a.Op == httpfw.Encode:
		return true
	case a.Recv == "ResponseWriter" || a.Recv == "Response":
		return true // net/http, gin's and echo's writers
	case a.Path == httpfw.PathGin && (a.Name == "SSEvent" || a.Name == "Stream"):
		return true
	}
	return false
}

// statusStage refines the stage of a call by its status: gin's Render
// with no status streams; for a WriteHeader call, gin's
// ResponseWriter (c.Writer) only records the code, and net/http sends a
// 1xx informational status (other than 101 Switching Protocols) at once
// but keeps the header open for the final status.
func (m *model) statusStage(a httpfw.Call, call *ast.CallExpr, code Value) Stage {
	st := callStage(a)
	if a.Path == httpfw.PathGin && a.Name == "Render" && code.State == Known && code.Int <= 0 {
		// gin v1.12.0 context.go: Render(-1, r) leaves the status alone
		// and writes one more piece, as SSEvent does: a stream.
		return Sent
	}
	if a.Name != "WriteHeader" || a.Path != httpfw.PathNetHTTP {
		return st
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && httpfw.IsNamed(m.info.TypeOf(sel.X), httpfw.PathGin, "ResponseWriter") {
		return Open
	}
	if code.State == Known && code.Int >= 100 && code.Int <= 199 && code.Int != 101 {
		return Open
	}
	return st
}

// writerFramework returns the framework whose response e is, if it is
// one, directly or through a variable: a framework's response parameter
// type, http.ResponseWriter (also gin's c.Writer and echo v5's
// c.Response()), echo's *Response, fiber v3's Res, fasthttp's RequestCtx
// or Response.BodyWriter() (fiber v2), or anything with the methods of
// http.ResponseWriter.
func (m *model) writerFramework(e ast.Expr) httpfw.Framework {
	return m.responseOf(e, true)
}

// delegateWriter is writerFramework for the writer given to another
// handler: only the response itself counts, not a value of the
// program's own type with the methods of http.ResponseWriter (a status
// recorder or a buffering wrapper, whose output may never reach the
// response by the time the handler returns).
func (m *model) delegateWriter(e ast.Expr) httpfw.Framework {
	return m.responseOf(e, false)
}

func (m *model) responseOf(e ast.Expr, wrappers bool) httpfw.Framework {
	if e == nil {
		return 0
	}
	e = m.definition(e)
	t := m.info.TypeOf(e)
	if t == nil {
		return 0
	}
	if f := httpfw.ResponseParam(t); f != 0 {
		return f
	}
	switch {
	case httpfw.IsNamed(t, httpfw.PathGin, "ResponseWriter"):
		return httpfw.Gin
	case httpfw.IsNamed(t, httpfw.PathEchoV4, "Response"):
		return httpfw.EchoV4
	case httpfw.IsNamed(t, httpfw.PathEchoV5, "Response"):
		return httpfw.EchoV5
	case httpfw.IsNamed(t, httpfw.PathFiberV3, "Res"):
		return httpfw.FiberV3
	case httpfw.IsNamed(t, httpfw.PathFasthttp, "RequestCtx"):
		return httpfw.FiberV2
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if fn := calledFunc(m.info, call); fn != nil && fn.Name() == "BodyWriter" && httpfw.PkgPath(fn) == httpfw.PathFasthttp {
			return httpfw.FiberV2
		}
	}
	if !wrappers {
		return 0
	}
	if !hasWriterMethods(t) {
		return 0
	}
	return httpfw.NetHTTP
}

// hasWriterMethods reports whether t (or *t) has the methods of
// http.ResponseWriter, by name.
func hasWriterMethods(t types.Type) bool {
	for _, name := range []string{"Header", "Write", "WriteHeader"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name); obj == nil {
			return false
		}
	}
	return true
}

// AsksWritten reports whether the function n asks whether its response
// was written: gin v1.12.0's ResponseWriter.Written and Size, echo v4's
// and v5's Response.Committed, or a method or field of those names on a
// wrapper of the program's own. Such middleware decides at run time
// whether a change after the next handler still counts.
func AsksWritten(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			switch sel.Sel.Name {
			case "Written", "Size", "Committed":
				found = true
			}
		}
		return !found
	})
	return found
}

// unsentOnly reports whether n, below stack, runs only while a response
// has sent no status, as its wrapper's own state says: it is in the body
// of an if whose condition is such a test (see unsentTest). A wrapper that
// records the status it sends writes 200 on the first Write only if it
// sent none (`if w.status == 0 { w.WriteHeader(http.StatusOK) }`), as
// net/http does; that status is never a late one.
func (m *model) unsentOnly(stack []ast.Node, n ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		if is, ok := stack[i].(*ast.IfStmt); ok && is.Body.Pos() <= n.Pos() && n.End() <= is.Body.End() && m.unsentTest(is.Cond) {
			return true
		}
	}
	return false
}

// unsentTest reports whether cond tests that a field of a response
// (a wrapper's status or "written" flag) holds its zero value:
// `w.status == 0`, `!w.wroteHeader`.
func (m *model) unsentTest(cond ast.Expr) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		return c.Op == token.NOT && m.responseField(c.X)
	case *ast.BinaryExpr:
		return c.Op == token.EQL && (m.responseField(c.X) && m.zeroValue(c.Y) || m.responseField(c.Y) && m.zeroValue(c.X))
	}
	return false
}

// responseField reports whether e selects a field of a response.
func (m *model) responseField(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	selection := m.info.Selections[sel]
	return selection != nil && selection.Kind() == types.FieldVal && isResponseType(selection.Recv())
}

// zeroValue reports whether e is the constant 0, false or "", or nil.
func (m *model) zeroValue(e ast.Expr) bool {
	tv, ok := m.info.Types[e]
	switch {
	case !ok:
		return false
	case tv.IsNil():
		return true
	case tv.Value == nil:
		return false
	}
	switch v := tv.Value; v.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(v) == 0
	case constant.Bool:
		return !constant.BoolVal(v)
	case constant.String:
		return constant.StringVal(v) == ""
	}
	return false
}
