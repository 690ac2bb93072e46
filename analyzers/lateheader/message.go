package lateheader

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// what describes what an event does, as the subject of a message.
func what(pass *analysis.Pass, e *respmodel.Event) string {
	by := ""
	if e.Via != "" {
		by = " by " + e.Via
	}
	switch e.Kind {
	case respmodel.SetHeader:
		return fmt.Sprintf("header %q is set%s", e.Header, by)
	case respmodel.AddHeader:
		return fmt.Sprintf("header %q is added%s", e.Header, by)
	case respmodel.DelHeader:
		return fmt.Sprintf("header %q is deleted%s", e.Header, by)
	case respmodel.SetCookie:
		switch ck := e.Cookie; {
		case ck != nil && ck.Name.State == respmodel.Known:
			return fmt.Sprintf("cookie %q is set%s", ck.Name.Str, by)
		case ck != nil && ck.Session:
			return "the session cookie is saved" + by
		}
		return "a cookie is set" + by
	case respmodel.WriteStatus:
		if e.Value.State == respmodel.Known {
			return fmt.Sprintf("status %d is set%s", e.Value.Int, by)
		}
		return "the status is set" + by
	case respmodel.WriteBody:
		return callName(pass, e) + " writes to the response"
	case respmodel.Delegate:
		return callName(pass, e) + " runs the next handler"
	}
	return callName(pass, e) + " responds"
}

// sentAt says which call sent the response header.
func sentAt(pass *analysis.Pass, sent *respmodel.Event) string {
	return fmt.Sprintf("%s at line %d sent the response header", callName(pass, sent), line(pass, sent))
}

// sendsHeader says when the framework sends the header.
func sendsHeader(f httpfw.Framework) string {
	switch f {
	case httpfw.Gin:
		return "gin sends the header with the first body write and ignores later changes"
	case httpfw.EchoV4, httpfw.EchoV5:
		return "echo sends the header with the first write or WriteHeader and ignores later changes"
	}
	return "net/http sends the header with the first write or WriteHeader and ignores later changes"
}

// superfluous says what the framework does with a second status.
func superfluous(f httpfw.Framework) string {
	switch f {
	case httpfw.Gin:
		return `gin keeps the different status already sent and logs "[WARNING] Headers were already written"`
	case httpfw.EchoV4:
		return `echo drops this one and logs "response already committed"`
	case httpfw.EchoV5:
		return `echo drops this one and logs "echo: response already written to client"`
	}
	return `net/http drops this one and logs "superfluous response.WriteHeader call"`
}

// callName names the call an event happens at: the helper, or the
// function or method called (w.Write, http.Error, c.JSON).
func callName(pass *analysis.Pass, e *respmodel.Event) string {
	if e.Via != "" {
		return e.Via
	}
	call := e.Call()
	if call == nil {
		return "the call"
	}
	name := types.ExprString(call.Fun)
	if len(name) > 40 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			name = "…" + sel.Sel.Name
		}
	}
	return name
}

func line(pass *analysis.Pass, e *respmodel.Event) int {
	return pass.Fset.Position(e.Pos()).Line
}

// framework is whose rules a message quotes: the handler's framework
// when the function is a gin or echo handler (whose c.Writer and
// c.Response() calls are net/http's), else the event's.
func (c *funcCheck) framework(e *respmodel.Event) httpfw.Framework {
	switch h := c.fn.Handler; h {
	case httpfw.Gin, httpfw.EchoV4, httpfw.EchoV5:
		return h
	}
	return e.Framework
}
