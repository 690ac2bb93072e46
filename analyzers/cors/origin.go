package cors

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// OriginFact marks a function whose string result is the request's
// Origin header (func origin(r *http.Request) string), so that callers
// in other packages follow it.
type OriginFact struct{}

func (*OriginFact) AFact()         {}
func (*OriginFact) String() string { return "returns Origin" }

// maxDepth bounds how far values are followed through definitions.
const maxDepth = 8

// A def is one value given to a variable: its right-hand side (the whole
// call or comma-ok expression for a tuple) and the statement.
type def struct {
	rhs  ast.Expr
	stmt ast.Node
}

// origins follows values of one package back to the request's Origin
// header.
type origins struct {
	pass  *analysis.Pass
	defs  map[*types.Var][]def
	decls map[*types.Func]*ast.FuncDecl
	// fields are the fields assigned to a struct variable: cfg.X = v.
	fields map[*types.Var][]field
	funcs  map[*types.Func]bool // own functions that return the origin
	seeds  map[*types.Var]bool  // parameters that receive an origin
}

func newOrigins(pass *analysis.Pass, insp *inspector.Inspector) *origins {
	o := &origins{
		pass:   pass,
		defs:   make(map[*types.Var][]def),
		decls:  make(map[*types.Func]*ast.FuncDecl),
		fields: make(map[*types.Var][]field),
		funcs:  make(map[*types.Func]bool),
		seeds:  make(map[*types.Var]bool),
	}
	insp.Preorder([]ast.Node{(*ast.FuncDecl)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)}, o.record)
	return o
}

// record notes the definitions and function declarations n makes.
func (o *origins) record(n ast.Node) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		if fn, ok := o.pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
			o.decls[fn] = n
		}
	case *ast.AssignStmt:
		for i, l := range n.Lhs {
			if rhs := pairRHS(n.Rhs, len(n.Lhs), i); rhs != nil {
				o.add(l, rhs, n)
				o.addField(l, rhs)
			}
		}
	case *ast.ValueSpec:
		for i, name := range n.Names {
			if rhs := pairRHS(n.Values, len(n.Names), i); rhs != nil {
				o.add(name, rhs, n)
			}
		}
	}
}

// pairRHS returns the value of the i'th of n names: its own expression,
// or the one tuple expression all share.
func pairRHS(rhs []ast.Expr, n, i int) ast.Expr {
	switch {
	case len(rhs) == n:
		return rhs[i]
	case len(rhs) == 1:
		return rhs[0]
	}
	return nil
}

func (o *origins) add(lhs ast.Expr, rhs ast.Expr, stmt ast.Node) {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return
	}
	obj := o.pass.TypesInfo.Defs[id]
	if obj == nil {
		obj = o.pass.TypesInfo.Uses[id]
	}
	if v, ok := obj.(*types.Var); ok {
		o.defs[v] = append(o.defs[v], def{rhs, stmt})
	}
}

// pathTo returns the path of nodes from n out to its file, innermost
// first.
func (o *origins) pathTo(n ast.Node) []ast.Node {
	if n == nil {
		return nil
	}
	for _, f := range o.pass.Files {
		if f.FileStart <= n.Pos() && n.End() <= f.FileEnd {
			path, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
			return path
		}
	}
	return nil
}

// addField records an assignment to a field of a variable.
func (o *origins) addField(lhs, rhs ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return
	}
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
		if v, ok := o.pass.TypesInfo.Uses[id].(*types.Var); ok {
			o.fields[v] = append(o.fields[v], field{sel.Sel.Name, rhs})
		}
	}
}

// is reports whether e carries the request's Origin header: read by the
// framework's request-header accessor, returned by a function that
// returns it, or derived from it (a conversion, a strings function, a
// parsed URL and its parts, a concatenation).
func (o *origins) is(e ast.Expr) bool { return o.isDepth(e, 0) }

func (o *origins) isDepth(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	info := o.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		if o.seeds[v] {
			return true
		}
		for _, d := range o.defs[v] {
			if o.isDepth(d.rhs, depth+1) {
				return true
			}
		}
	case *ast.SelectorExpr: // u.Host
		if sel, ok := info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			return o.isDepth(e.X, depth+1)
		}
	case *ast.BinaryExpr:
		return o.isDepth(e.X, depth+1) || o.isDepth(e.Y, depth+1)
	case *ast.CallExpr:
		return o.call(e, depth)
	}
	return false
}

// call reports whether a call returns the origin (see is).
func (o *origins) call(call *ast.CallExpr, depth int) bool {
	info := o.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return len(call.Args) == 1 && o.isDepth(call.Args[0], depth+1)
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return false
	}
	if c, ok := httpfw.Lookup(fn); ok && c.Op == httpfw.ReadHeader {
		return c.Arg >= 0 && c.Arg < len(call.Args) && isOriginName(info, call.Args[c.Arg]) &&
			(c.Path != httpfw.PathNetHTTP || o.requestHeader(call))
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
		if info.Selections[sel] != nil && o.isDepth(sel.X, depth+1) {
			return true // u.Hostname()
		}
	}
	switch {
	case fn.Pkg() == nil:
		return false
	case fn.Pkg().Path() == "strings" || fn.FullName() == "net/url.Parse":
		return len(call.Args) > 0 && o.isDepth(call.Args[0], depth+1)
	case fn.Pkg() == o.pass.Pkg:
		return o.returnsOrigin(fn.Origin(), depth)
	}
	return o.pass.ImportObjectFact(fn.Origin(), new(OriginFact))
}

// returnsOrigin reports whether a function of this package returns the
// origin from every return statement that returns a string.
func (o *origins) returnsOrigin(fn *types.Func, depth int) bool {
	if r, ok := o.funcs[fn]; ok {
		return r
	}
	o.funcs[fn] = false // while it is computed
	d := o.decls[fn]
	res := fn.Signature().Results()
	if d == nil || d.Body == nil || res.Len() == 0 || !isString(res.At(0).Type()) {
		return false
	}
	found, all := false, true
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == res.Len() {
				if o.isDepth(n.Results[0], depth+1) {
					found = true
				} else if !isEmptyString(o.pass.TypesInfo, n.Results[0]) {
					all = false
				}
			}
		}
		return true
	})
	o.funcs[fn] = found && all
	return found && all
}

// exportFacts marks the package's functions that return the origin.
func (o *origins) exportFacts() {
	for fn := range o.decls {
		if fn.Exported() && o.returnsOrigin(fn, 0) {
			o.pass.ExportObjectFact(fn, new(OriginFact))
		}
	}
}

// isOriginName reports whether e is the constant header name Origin.
func isOriginName(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && strings.EqualFold(constant.StringVal(tv.Value), "Origin")
}

// requestHeader reports whether a call of an http.Header method reads a
// request's header, directly (r.Header.Get) or through a variable
// defined once (h := r.Header), not a response's (w.Header().Get).
func (o *origins) requestHeader(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x := sel.X
	if id, ok := ast.Unparen(x).(*ast.Ident); ok {
		if v, ok := o.pass.TypesInfo.Uses[id].(*types.Var); ok && len(o.defs[v]) == 1 {
			x = o.defs[v][0].rhs
		}
	}
	return respmodel.IsRequestHeader(o.pass.TypesInfo, x)
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// constString returns e's constant string value.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

func isEmptyString(info *types.Info, e ast.Expr) bool {
	s, ok := constString(info, e)
	return ok && s == ""
}
