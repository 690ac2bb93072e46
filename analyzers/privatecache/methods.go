package privatecache

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/routes"
)

// unsafeOnly reports whether n runs only for requests whose method is
// not GET or HEAD: it is inside `if r.Method == "POST" {...}`, a `case
// r.Method == http.MethodPut:` of a switch without tag, or a `case "DELETE":`
// of `switch r.Method`. Shared caches do not store responses to such
// requests.
func unsafeOnly(pass *analysis.Pass, fn, n ast.Node) bool {
	var path []ast.Node
	ast.Inspect(fn, func(x ast.Node) bool {
		if x == nil || x.Pos() > n.Pos() || x.End() < n.End() {
			return false
		}
		path = append(path, x)
		return x != n
	})
	for i, x := range path {
		var child ast.Node
		if i+1 < len(path) {
			child = path[i+1]
		}
		switch x := x.(type) {
		case *ast.IfStmt:
			if child == x.Body {
				if ms := methodTest(pass, x.Cond); len(ms) > 0 && !routes.Safe(ms) {
					return true
				}
			}
		case *ast.SwitchStmt:
			cc, ok := child.(*ast.BlockStmt)
			if !ok || i+2 >= len(path) {
				continue
			}
			clause, ok := path[i+2].(*ast.CaseClause)
			if !ok || len(clause.List) == 0 || cc != x.Body {
				continue
			}
			var ms []string
			for _, e := range clause.List {
				if x.Tag == nil {
					ms = append(ms, methodTest(pass, e)...)
				} else if isMethod(pass, x.Tag) {
					ms = append(ms, constString(pass, e))
				}
			}
			if len(ms) == len(clause.List) && !routes.Safe(ms) {
				return true
			}
		}
	}
	return false
}

// methodTest returns the methods cond tests the request's method against,
// for `r.Method == "POST"` and disjunctions of such tests.
func methodTest(pass *analysis.Pass, cond ast.Expr) []string {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch b.Op {
	case token.LOR:
		l, r := methodTest(pass, b.X), methodTest(pass, b.Y)
		if l == nil || r == nil {
			return nil
		}
		return append(l, r...)
	case token.EQL:
		for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			if isMethod(pass, side[0]) {
				if m := constString(pass, side[1]); m != "" {
					return []string{m}
				}
			}
		}
	}
	return nil
}

// isMethod reports whether e is the Method field of an http.Request.
func isMethod(pass *analysis.Pass, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Method" {
		return false
	}
	t := pass.TypesInfo.TypeOf(sel.X)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Request"
}

func constString(pass *analysis.Pass, e ast.Expr) string {
	if tv, ok := pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return strings.ToUpper(constant.StringVal(tv.Value))
	}
	return ""
}
