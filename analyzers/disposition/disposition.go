package disposition

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/types"
	"path"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/docx"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

//go:embed doc.go
var doc string

// Analyzer is the disposition check with default options.
var Analyzer = New()

// New returns a disposition analyzer with its own options.
func New() *analysis.Analyzer {
	c := &checker{types: newMediaTypes(DefaultTypes)}
	a := &analysis.Analyzer{
		Name:     "disposition",
		Doc:      docx.Extract(doc, "disposition"),
		URL:      "https://github.com/resplint/resplint/blob/main/docs/disposition.md",
		Requires: []*analysis.Analyzer{inspect.Analyzer, respmodel.Analyzer},
		Run:      c.run,
	}
	a.Flags.Var(c.types, "types", "comma-separated media types served as downloads (a trailing * matches any suffix)")
	return a
}

type checker struct {
	types *mediaTypes
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[respmodel.Analyzer].(*respmodel.Result)
	var called map[*types.Func]bool // computed for the first download
	var named map[any]bool
	reported := make(map[ast.Expr]bool) // built values already reported
	for _, f := range res.Funcs {
		for _, ev := range f.Events {
			if isDisposition(ev) {
				checkUnescaped(pass, ev, reported)
			}
		}
		d := c.missing(f)
		if d == nil {
			continue
		}
		if called == nil {
			called, named = calledFuncs(pass), urlNamed(pass)
		}
		if entry(pass, f, called) && !named[funcKey(pass, f.Node)] && !mentions(pass.TypesInfo, f.Node, "Content-Disposition") {
			c.report(pass, f, d)
		}
	}
	return nil, nil
}

// funcKey identifies a function for urlNamed: its *types.Func, or its
// literal.
func funcKey(pass *analysis.Pass, n ast.Node) any {
	if d, ok := n.(*ast.FuncDecl); ok {
		return pass.TypesInfo.Defs[d.Name]
	}
	return n
}

// urlNamed returns the handlers registered under a route whose last
// segment is a file name with an extension ("/export.csv",
// "GET /reports/{id}.xlsx"): browsers save their responses under that
// name, so they need no Content-Disposition. A handler counts when it is
// an argument of the registering call, possibly wrapped in other calls.
func urlNamed(pass *analysis.Pass) map[any]bool {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	named := make(map[any]bool)
	for n := range insp.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		if !slices.ContainsFunc(call.Args, func(e ast.Expr) bool { return routeNamesFile(pass.TypesInfo, e) }) {
			continue
		}
		for _, arg := range call.Args {
			ast.Inspect(arg, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					named[n] = true
					return false
				case *ast.Ident:
					if fn, ok := pass.TypesInfo.Uses[n].(*types.Func); ok {
						named[fn] = true
					}
				}
				return true
			})
		}
	}
	return named
}

// routeNamesFile reports whether e is a constant route pattern whose last
// segment has a file extension.
func routeNamesFile(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	route := constant.StringVal(tv.Value)
	if !strings.HasPrefix(route, "/") && !strings.Contains(route, " /") {
		return false
	}
	last := route[strings.LastIndex(route, "/")+1:]
	return respmodel.MediaTypeByExt(path.Ext(last)) != ""
}

// isDisposition reports whether ev sets Content-Disposition.
func isDisposition(ev *respmodel.Event) bool {
	return (ev.Kind == respmodel.SetHeader || ev.Kind == respmodel.AddHeader) && ev.Header == "Content-Disposition"
}

// calledFuncs returns the functions this package calls by name.
func calledFuncs(pass *analysis.Pass) map[*types.Func]bool {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	called := make(map[*types.Func]bool)
	for n := range insp.PreorderSeq((*ast.CallExpr)(nil)) {
		if fn, ok := typeutil.Callee(pass.TypesInfo, n.(*ast.CallExpr)).(*types.Func); ok {
			called[fn.Origin()] = true
		}
	}
	return called
}

// entry reports whether f sends a whole response of its own, so that a
// download in it without Content-Disposition is a finding: a handler, or
// an unexported function that receives the response, that this package
// does not call by name (those act for their callers, which see their
// events). Exported functions that are not handlers are helpers for other
// packages, whose calls see them through facts.
func entry(pass *analysis.Pass, f *respmodel.Func, called map[*types.Func]bool) bool {
	var sig *types.Signature
	exported := false
	switch n := f.Node.(type) {
	case *ast.FuncLit:
		sig, _ = pass.TypesInfo.TypeOf(n).(*types.Signature)
	case *ast.FuncDecl:
		fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func)
		if !ok || called[fn] {
			return false
		}
		sig, exported = fn.Signature(), fn.Exported()
	}
	if sig == nil {
		return false
	}
	if f.Handler != 0 || handlerParams(sig) {
		return true
	}
	return !exported && responseParam(sig) >= 0
}

// handlerParams reports whether sig starts with (http.ResponseWriter,
// *http.Request), like the handlers of httprouter and of method-based
// servers that take more arguments.
func handlerParams(sig *types.Signature) bool {
	ps := sig.Params()
	return ps.Len() >= 2 && httpfw.ResponseParam(ps.At(0).Type()) == httpfw.NetHTTP &&
		isRequest(ps.At(1).Type())
}

func isRequest(t types.Type) bool {
	_, ok := t.(*types.Pointer)
	return ok && httpfw.IsNamed(t, httpfw.PathNetHTTP, "Request")
}

// responseParam returns the index of the first parameter of sig that
// carries a response, or -1.
func responseParam(sig *types.Signature) int {
	for i := 0; i < sig.Params().Len(); i++ {
		if httpfw.ResponseParam(sig.Params().At(i).Type()) != 0 {
			return i
		}
	}
	return -1
}

// mentions reports whether n holds the constant string name (in any case):
// a header the model cannot follow, such as a map of headers handed to a
// helper, still shows the author thought of it.
func mentions(info *types.Info, n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok {
			if tv, ok := info.Types[e]; ok && tv.Value != nil {
				if tv.Value.Kind() == constant.String && strings.EqualFold(constant.StringVal(tv.Value), name) {
					found = true
				}
				return false
			}
		}
		return !found
	})
	return found
}
