package respmodel

import (
	"go/ast"
	"go/token"
	"net/http"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// headerAssigns returns the header events of assignments to the response's
// header map, such as w.Header()["Content-Type"] = []string{"text/csv"}
// An assignment whose key is not constant gives an event with an empty
// Header.
func (m *model) headerAssigns(as *ast.AssignStmt, s *scope) []*Event {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	var out []*Event
	for i, lhs := range as.Lhs {
		ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
		if !ok || !httpfw.IsNamed(m.info.TypeOf(ix.X), httpfw.PathNetHTTP, "Header") || !m.isResponseHeader(ix.X) {
			continue
		}
		ev := &Event{Kind: SetHeader, Framework: httpfw.NetHTTP, Value: Value{State: Unknown, Param: -1}, node: as}
		if name := m.eval(ix.Index, s.params); name.State == Known {
			ev.Header = http.CanonicalHeaderKey(name.Str)
		}
		if lit, ok := ast.Unparen(as.Rhs[i]).(*ast.CompositeLit); ok && len(lit.Elts) == 1 {
			ev.Value = m.evalString(lit.Elts[0], s)
		}
		out = append(out, ev)
	}
	return out
}
