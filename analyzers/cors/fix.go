package cors

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// varyFixes adds Vary: Origin before the statement that sets
// Access-Control-Allow-Origin, on the same response: through the same
// http.Header (w.Header(), c.Response().Header()), or with the
// framework's call on the same context.
func varyFixes(pass *analysis.Pass, ev *respmodel.Event, path []ast.Node) []analysis.SuggestedFix {
	call := ev.Call()
	if call == nil {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	var stmt ast.Stmt
	for _, n := range path {
		if s, ok := n.(*ast.ExprStmt); ok {
			stmt = s
			break
		}
	}
	file := respmodel.File(pass, call.Pos())
	if stmt == nil || file == nil {
		return nil
	}
	recv := types.ExprString(sel.X)
	var text string
	if fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func); ok && fn.FullName() == "(net/http.Header).Set" || ok && fn.FullName() == "(net/http.Header).Add" {
		text = recv + `.Add("Vary", "Origin")`
	} else if add := httpfw.Of(ev.Framework).AddHeader; add != "" && ev.Via == "" {
		text = fmt.Sprintf(add, recv, `"Vary"`, `"Origin"`)
	} else {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "Add Vary: Origin",
		TextEdits: []analysis.TextEdit{file.InsertBefore(stmt, text)},
	}}
}
