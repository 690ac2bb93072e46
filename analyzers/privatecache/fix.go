package privatecache

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	pathpkg "path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/edit"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
	"github.com/resplint/resplint/analyzers/internal/routes"
)

// insertFixes sets Cache-Control: private, no-store as the handler's first
// statement, with the framework's call; for net/http and echo, whose
// responses have a Header() method, httpsafe.NoStore is the second
// choice.
func insertFixes(pass *analysis.Pass, f *respmodel.Func) []analysis.SuggestedFix {
	body := respmodel.FuncBody(f.Node)
	w := responseName(pass, respmodel.FuncType(f.Node))
	file := respmodel.File(pass, body.Pos())
	if len(body.List) == 0 || w == "" || w == "_" || file == nil {
		return nil
	}
	fw := httpfw.Of(f.Handler)
	if fw.SetHeader == "" {
		return nil
	}
	stmt := fmt.Sprintf(fw.SetHeader, w, `"Cache-Control"`, `"private, no-store"`)
	first := body.List[0]
	fixes := []analysis.SuggestedFix{{
		Message:   "Set Cache-Control: private, no-store at the start of the handler",
		TextEdits: []analysis.TextEdit{file.InsertBefore(first, stmt)},
	}}
	if fw.Headerer != "" {
		headerer := fmt.Sprintf(fw.Headerer, w)
		name, imp := file.Import(respmodel.HttpsafePath, "httpsafe")
		fixes = append(fixes, analysis.SuggestedFix{
			Message:   "Call httpsafe.NoStore at the start of the handler",
			TextEdits: append(imp, file.InsertBefore(first, name+".NoStore("+headerer+")")),
		})
	}
	return fixes
}

// responseName returns the name of the first parameter of ft that
// carries the response, or "".
func responseName(pass *analysis.Pass, ft *ast.FuncType) string {
	for _, field := range ft.Params.List {
		if httpfw.ResponseParam(pass.TypesInfo.TypeOf(field.Type)) != 0 {
			if len(field.Names) == 0 {
				return ""
			}
			return field.Names[0].Name
		}
	}
	return ""
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

// groupFixes adds a middleware that sets Cache-Control: private, no-store
// to the router or group held in the local variable obj, right after the
// statement that makes it (chi refuses middleware after routes; gin and
// echo apply it only to the routes added after it): httpsafe.NoStoreHandler
// where the router takes net/http middleware, and the framework's own
// middleware written out.
func groupFixes(pass *analysis.Pass, m *routes.Model, obj types.Object) []analysis.SuggestedFix {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	stmt := m.DefStmt(v)
	tn := routes.NamedOf(v.Type())
	file := respmodel.File(pass, v.Pos())
	if stmt == nil || tn == nil || tn.Pkg() == nil || file == nil {
		return nil
	}
	fw := httpfw.Of(routes.UseKind(v.Type()))
	if fw.Middleware == "" {
		return nil
	}
	x := v.Name()
	ind := file.Indent(stmt.Pos())
	var fixes []analysis.SuggestedFix
	add := func(msg, text string, imps ...[]analysis.TextEdit) {
		edits := []analysis.TextEdit{file.InsertAfter(stmt, strings.ReplaceAll(text, "\n", "\n"+ind))}
		for _, imp := range imps {
			edits = append(edits, imp...)
		}
		fixes = append(fixes, analysis.SuggestedFix{Message: msg, TextEdits: edits})
	}
	if fw.NoStoreHandler {
		hs, imp := file.Import(respmodel.HttpsafePath, "httpsafe")
		add("Use httpsafe.NoStoreHandler on the router or group", x+".Use("+hs+".NoStoreHandler)", imp)
	}
	path, name := tn.Pkg().Path(), tn.Pkg().Name()
	if fw.MiddlewarePkg != "" {
		path, name = fw.MiddlewarePkg, pathpkg.Base(fw.MiddlewarePkg)
	}
	pkg, imp := file.Import(path, name)
	for _, p := range fw.MiddlewareImports {
		_, more := file.Import(p, pathpkg.Base(p))
		imp = append(imp, more...)
	}
	add("Add a middleware that sets Cache-Control: private, no-store to the router or group",
		fmt.Sprintf(fw.Middleware, x, pkg, `"Cache-Control", "private, no-store"`), imp)
	return fixes
}
