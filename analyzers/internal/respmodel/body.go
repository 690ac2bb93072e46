package respmodel

import (
	"go/ast"
	"go/types"
	"strings"
)

// flushRows lists the calls that send the response before the handler
// returns — encoders beyond JSON, flushes, gin's other renderers and
// gorilla/sessions' Save — which the writer table (writers.go) lacks.
func flushRows() []adapter {
	var rows []adapter
	add := func(path, recv, name string, o op, arg int, body BodyKind) {
		rows = append(rows, adapter{path: path, recv: recv, name: name, op: o, arg: arg, body: body, statusArg: -1})
	}
	// opEncode: an encoder created on the response writes it; xml's
	// Encode flushes before returning; csv.Writer buffers its records
	// until Flush (WriteAll flushes).
	add("encoding/xml", "Encoder", "Encode", opEncode, 0, BodyOther)
	add("encoding/csv", "Writer", "WriteAll", opEncode, 0, BodyCSV)
	add("encoding/csv", "Writer", "Flush", opEncode, -1, BodyCSV)
	// opFlush: sends the header and what is buffered. http.Flusher is
	// also gin's c.Writer.Flush; gin's WriteHeaderNow sends the recorded
	// status (v1.12.0 response_writer.go).
	add(pathNetHTTP, "Flusher", "Flush", opFlush, 0, 0)
	add(pathNetHTTP, "ResponseController", "Flush", opFlush, 0, 0)
	add(pathGin, "ResponseWriter", "WriteHeaderNow", opFlush, 0, 0)
	add(pathEchoV4, "Response", "Flush", opFlush, 0, 0)
	add(pathEchoV5, "Response", "Flush", opFlush, 0, 0)
	// gin v1.12.0 render calls beyond the basic tables (context.go); the
	// status is their first argument.
	rows = append(rows, adapter{pathGin, "Context", "Render", opBody, 1, BodyOther, 0})
	rows = append(rows, adapter{pathGin, "Context", "AbortWithStatusPureJSON", opBody, 1, BodyJSON, 0})
	add(pathGin, "Context", "FileFromFS", opBody, 0, BodyFile)
	add(pathGin, "Context", "SSEvent", opBody, 1, BodyStream)
	add(pathGin, "Context", "Stream", opBody, -1, BodyStream)
	// opDelegate: another handler writes the response: a middleware's
	// next.ServeHTTP(w, r) on the response itself (not on a wrapper that
	// may buffer), gin's c.Next().
	add(pathNetHTTP, "Handler", "ServeHTTP", opDelegate, 0, 0)
	add(pathNetHTTP, "HandlerFunc", "ServeHTTP", opDelegate, 0, 0)
	add(pathGin, "Context", "Next", opDelegate, -1, 0)
	// gorilla/sessions v1.4.0: Session.Save and sessions.Save write the
	// session cookie through the session's store (an interface, so its
	// Options are not known here).
	add(pathSessions, "Session", "Save", opSessionSave, 1, 0)
	add(pathSessions, "", "Save", opSessionSave, 1, 0)
	return rows
}

// encoderWriter returns the writer an encoder (the receiver of call) was
// created on: X for json.NewEncoder(X).Encode(v), directly or through a
// variable with a single definition.
func (m *model) encoderWriter(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	method := calledFunc(m.info, call)
	x := m.definition(sel.X)
	newCall, ok := x.(*ast.CallExpr)
	if !ok || len(newCall.Args) == 0 {
		return nil
	}
	fn := calledFunc(m.info, newCall)
	if fn == nil || method == nil || fn.Pkg() != method.Pkg() || !strings.HasPrefix(fn.Name(), "New") {
		return nil
	}
	return newCall.Args[0]
}

// flushesResponse reports whether a Flush call acts on the response: the
// receiver is the response (gin's c.Writer, echo's Response), an
// assertion of it (w.(http.Flusher)) or http.NewResponseController(w),
// directly or through a variable.
func (m *model) flushesResponse(call *ast.CallExpr) (Framework, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return 0, false
	}
	x := m.definition(sel.X)
	if f := m.writerFramework(x); f != 0 {
		return f, true
	}
	switch x := x.(type) {
	case *ast.TypeAssertExpr:
		f := m.writerFramework(x.X)
		return f, f != 0
	case *ast.CallExpr:
		if fn := calledFunc(m.info, x); fn != nil && fn.Name() == "NewResponseController" && pkgPath(fn) == pathNetHTTP && len(x.Args) == 1 {
			f := m.writerFramework(x.Args[0])
			return f, f != 0
		}
	}
	return 0, false
}

// definition follows an identifier to the expression it is defined as,
// when it has one definition: x := e, var x = e, or the value of a
// comma-ok form (x, ok := w.(http.Flusher)).
func (m *model) definition(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	id, ok := e.(*ast.Ident)
	if !ok {
		return e
	}
	obj, ok := m.info.Uses[id].(*types.Var)
	if !ok {
		return e
	}
	if rhs, ok := m.defs.single(obj); ok && rhs != nil {
		return ast.Unparen(rhs)
	}
	as := m.defs.assigns[obj]
	if len(as) != 1 || m.defs.addrTaken[obj] {
		return e
	}
	if st, ok := as[0].stmt.(*ast.AssignStmt); ok && len(st.Rhs) == 1 && len(st.Lhs) == 2 {
		if l, ok := st.Lhs[0].(*ast.Ident); ok && m.info.ObjectOf(l) == obj {
			if ta, ok := ast.Unparen(st.Rhs[0]).(*ast.TypeAssertExpr); ok {
				return ta
			}
		}
	}
	return e
}

// sessionCookie is the cookie a gorilla/sessions Save writes: a session
// cookie whose attributes come from the store, unknown here.
func sessionCookie() *Cookie {
	c := newCookie(GorillaSessions, 0, "sessions.Session")
	for _, p := range c.attrs() {
		*p = unknown(nil)
	}
	c.Session = true
	return c
}
