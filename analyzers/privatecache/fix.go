package privatecache

import (
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/edit"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// insertFixes sets Cache-Control: private, no-store as the handler's first
// statement, with the framework's call; for net/http and echo, whose
// responses have a Header() method, httpsafe.NoStore is the second
// choice.
func insertFixes(pass *analysis.Pass, f *respmodel.Func) []analysis.SuggestedFix {
	body, ft := respmodel.FuncBody(f.Node), respmodel.FuncType(f.Node)
	if body == nil || len(body.List) == 0 || len(ft.Params.List) == 0 || len(ft.Params.List[0].Names) == 0 {
		return nil
	}
	w := ft.Params.List[0].Names[0].Name
	file := respmodel.File(pass, body.Pos())
	if w == "_" || file == nil {
		return nil
	}
	const args = `"Cache-Control", "private, no-store"`
	var stmt, headerer string
	switch f.Handler {
	case respmodel.NetHTTP:
		stmt, headerer = w+".Header().Set("+args+")", w
	case respmodel.Gin:
		stmt = w + ".Header(" + args + ")"
	case respmodel.EchoV4, respmodel.EchoV5:
		stmt, headerer = w+".Response().Header().Set("+args+")", w+".Response()"
	case respmodel.FiberV2, respmodel.FiberV3:
		stmt = w + ".Set(" + args + ")"
	default:
		return nil
	}
	first := body.List[0]
	fixes := []analysis.SuggestedFix{{
		Message:   "Set Cache-Control: private, no-store at the start of the handler",
		TextEdits: []analysis.TextEdit{file.InsertBefore(first, stmt)},
	}}
	if headerer != "" {
		name, imp := file.Import(respmodel.HttpsafePath, "httpsafe")
		fixes = append(fixes, analysis.SuggestedFix{
			Message:   "Call httpsafe.NoStore at the start of the handler",
			TextEdits: append(imp, file.InsertBefore(first, name+".NoStore("+headerer+")")),
		})
	}
	return fixes
}

// rewriteFixes makes a Cache-Control value written as a string literal
// private (see privateValue), or turns httpsafe.Public into Private.
func rewriteFixes(pass *analysis.Pass, cc *respmodel.Event) []analysis.SuggestedFix {
	if call := cc.Call(); call != nil && cc.Via == "" {
		if fn := typeutil.StaticCallee(pass.TypesInfo, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == respmodel.HttpsafePath {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Name() == "Public" {
				return []analysis.SuggestedFix{{Message: "Use httpsafe.Private", TextEdits: []analysis.TextEdit{edit.Replace(sel.Sel, "Private")}}}
			}
			return nil
		}
	}
	lit, ok := ast.Unparen(cc.Value.Expr()).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING || !inPackage(pass, lit) {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "Make Cache-Control private",
		TextEdits: []analysis.TextEdit{edit.Replace(lit, strconv.Quote(privateValue(cc.Value.Str)))},
	}}
}

func inPackage(pass *analysis.Pass, n ast.Node) bool {
	for _, f := range pass.Files {
		if f.FileStart <= n.Pos() && n.End() <= f.FileEnd {
			return true
		}
	}
	return false
}
