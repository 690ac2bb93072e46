package respmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/resplint/resplint/analyzers/internal/funcs"
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
// to, in its framework. A status call sends the header at once unless its
// framework only records the status (httpfw.Call.Records); redirects and
// error pages complete the response, as do body calls that write a whole
// one (render calls, files); body calls that stream send the header; in
// a framework that buffers the response, nothing is sent before the
// handler returns but by a call that streams (a writer that hijacks the
// response). Each framework's file in httpfw says which of its calls do
// what, read from its source.
func callStage(a httpfw.Call) Stage {
	switch {
	case a.Framework.Buffers() && !a.Streams:
		return Open
	case a.Op == httpfw.Redirect, a.Op == httpfw.Error:
		return Done
	case a.Op == httpfw.Status:
		if a.Records {
			return Open
		}
		return Sent
	case a.Op == httpfw.Flush, a.Op == httpfw.Delegate:
		return Sent
	case a.Op == httpfw.Body, a.Op == httpfw.WriterBody, a.Op == httpfw.Encode:
		if a.Streams || a.Op != httpfw.Body {
			return Sent // through an io.Writer, more may follow
		}
		return Done
	}
	return Open
}

// statusStage refines the stage of a call by its status: a call that
// streams when given no status; an interim status call (WriteHeader) on
// a writer that only records the code, or with a 1xx informational
// status (other than 101 Switching Protocols), which net/http sends at
// once while keeping the header open for the final status.
func (m *model) statusStage(a httpfw.Call, call *ast.CallExpr, code Value) Stage {
	st := callStage(a)
	if a.StreamsUnset && code.State == Known && code.Int <= 0 {
		return Sent
	}
	if !a.Interim {
		return st
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && httpfw.RecordsStatus(m.info.TypeOf(sel.X)) {
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
	if f, _ := httpfw.Response(t); f != 0 {
		return f
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if fn := funcs.Called(m.info, call); fn != nil {
			if a, ok := httpfw.Lookup(fn); ok && a.Op == httpfw.WriterResult {
				return a.Framework
			}
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
