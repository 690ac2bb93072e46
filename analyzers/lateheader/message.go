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
func sentAt(pass *analysis.Pass, sent, late *respmodel.Event) string {
	return fmt.Sprintf("%s %s sent the response header", callName(pass, sent), where(pass, sent, late))
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

// where places an earlier event for a message about a later one, late:
// "at line N", or, for the same call met again, in a loop's earlier
// iteration.
func where(pass *analysis.Pass, earlier, late *respmodel.Event) string {
	if earlier.Pos() == late.Pos() {
		return "in an earlier iteration of the loop"
	}
	return fmt.Sprintf("at line %d", line(pass, earlier))
}

// framework is whose rules a message quotes: the handler's framework
// when its net/http writer calls follow its rules (gin's c.Writer, echo's
// c.Response()), else the event's.
func (c *funcCheck) framework(e *respmodel.Event) httpfw.Info {
	if h := httpfw.Of(c.fn.Handler); h.OwnRules {
		return h
	}
	return httpfw.Of(e.Framework)
}
