package cors

import (
	_ "embed"
	"go/ast"
	"go/types"
	"net/http"
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

// Analyzer is the cors check.
var Analyzer = New()

// New returns a cors analyzer.
func New() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "cors",
		Doc:       docx.Extract(doc, "cors"),
		URL:       "https://github.com/resplint/resplint/blob/main/docs/cors.md",
		Requires:  []*analysis.Analyzer{inspect.Analyzer, respmodel.Analyzer},
		Run:       run,
		FactTypes: []analysis.Fact{new(OriginFact)},
	}
}

// The header names the check reads, canonical as respmodel gives them.
var (
	allowOrigin      = http.CanonicalHeaderKey("Access-Control-Allow-Origin")
	allowCredentials = http.CanonicalHeaderKey("Access-Control-Allow-Credentials")
)

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[respmodel.Analyzer].(*respmodel.Result)
	if res.Inspector == nil {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var middleware []*ast.CallExpr
	for n := range insp.PreorderSeq((*ast.CallExpr)(nil)) {
		if fn := typeutil.StaticCallee(pass.TypesInfo, n.(*ast.CallExpr)); fn != nil && httpfw.IsCORSMiddleware(fn) {
			middleware = append(middleware, n.(*ast.CallExpr))
		}
	}
	var funcs []*respmodel.Func
	for _, f := range res.Funcs {
		if sets(f, allowOrigin) && !respmodel.InTestFile(pass.Fset, f.Node.Pos()) {
			funcs = append(funcs, f)
		}
	}
	if len(middleware) == 0 && len(funcs) == 0 && !mayReturnOrigin(pass, insp) {
		return nil, nil // the common package: nothing to follow
	}
	o := newOrigins(pass, insp)
	o.exportFacts()
	for _, f := range funcs {
		checkFunc(pass, o, f)
	}
	for _, call := range middleware {
		if !respmodel.InTestFile(pass.Fset, call.Pos()) {
			checkMiddleware(pass, o, call)
		}
	}
	return nil, nil
}

// sets reports whether f sets the header name.
func sets(f *respmodel.Func, name string) bool {
	return slices.ContainsFunc(f.Events, func(ev *respmodel.Event) bool {
		return (ev.Kind == respmodel.SetHeader || ev.Kind == respmodel.AddHeader) && ev.Header == name
	})
}

// mayReturnOrigin reports whether the package has an exported function
// that may return a request's origin: given a request (or a framework's
// context), it returns a string first.
func mayReturnOrigin(pass *analysis.Pass, insp *inspector.Inspector) bool {
	for n := range insp.PreorderSeq((*ast.FuncDecl)(nil)) {
		fn, ok := pass.TypesInfo.Defs[n.(*ast.FuncDecl).Name].(*types.Func)
		if !ok || !fn.Exported() {
			continue
		}
		sig := fn.Signature()
		if sig.Results().Len() == 0 || !isString(sig.Results().At(0).Type()) {
			continue
		}
		for v := range sig.Params().Variables() {
			if carriesRequest(v.Type()) {
				return true
			}
		}
	}
	return false
}

// A response is what one function sets: its Access-Control-Allow-Origin
// events, those that send credentials, and whether it varies on Origin.
type response struct {
	origins, creds []*respmodel.Event
	varies         bool
}

func responseOf(f *respmodel.Func) response {
	var r response
	for _, ev := range f.Events {
		if ev.Kind != respmodel.SetHeader && ev.Kind != respmodel.AddHeader {
			continue
		}
		v := ev.Value
		switch ev.Header {
		case allowOrigin:
			r.origins = append(r.origins, ev)
		case allowCredentials:
			if v.State == respmodel.Known && strings.EqualFold(strings.TrimSpace(v.Str), "true") {
				r.creds = append(r.creds, ev)
			}
		case "Vary":
			s := strings.ToLower(v.Str)
			r.varies = r.varies || v.State != respmodel.Known || strings.Contains(s, "origin") || strings.Contains(s, "*")
		}
	}
	return r
}

// checkFunc reports the Access-Control-Allow-Origin values f sets. A
// value is judged where it is computed: in f, or at f's call of a helper
// that sets the value it is given.
func checkFunc(pass *analysis.Pass, o *origins, f *respmodel.Func) {
	r := responseOf(f)
	varyDone := r.varies
	for _, ev := range r.origins {
		if h := ev.Helper(); h != nil && h.Value.Param < 0 || ev.Node() == nil {
			continue // the helper's own value, judged in the helper
		}
		cred := o.credentials(ev, r.creds)
		v := ev.Value
		if v.State == respmodel.Known {
			switch strings.TrimSpace(v.Str) {
			case "*":
				if cred != nil {
					report(pass, ev.Node(), catWildcard, cred, `Access-Control-Allow-Origin "*" with Access-Control-Allow-Credentials: true: browsers refuse "*" to requests sent with cookies, so the credentials header has no effect and such requests fail; to allow cookies, answer with the request's origin once it matches a list of allowed origins, otherwise drop Allow-Credentials`)
				}
			case "null":
				if cred != nil {
					report(pass, ev.Node(), catNull, cred, `Access-Control-Allow-Origin "null" with Access-Control-Allow-Credentials: true: sandboxed frames and local files of any site send Origin: null, so any web site can read this response with the user's cookies; allow named origins only`)
				}
			}
			continue
		}
		e := v.Expr()
		if v.State != respmodel.Unknown || e == nil {
			continue
		}
		at := ev.Node()
		path := o.pathTo(at)
		g := o.guard(path, 0)
		reflected := o.is(e)
		if reflected && cred != nil {
			switch g.s {
			case unchecked:
				report(pass, at, catReflect, cred, "Access-Control-Allow-Origin is copied from the request's Origin header, with Access-Control-Allow-Credentials: true, without an allow-list check: any web site can read this response with the user's cookies; set it only for an origin found in a list of allowed origins (a map lookup, slices.Contains)")
			case loose:
				report(pass, at, catLoose, cred, "Access-Control-Allow-Origin is copied from the request's Origin header, with Access-Control-Allow-Credentials: true, after "+describe(pass, g.check)+": a site with such a name can read this response with the user's cookies; compare the origin with exact allowed origins, or check a suffix that starts with \".\" and the scheme")
			}
		}
		if !varyDone && (reflected || g.s != unchecked || o.chosen(e)) {
			varyDone = true
			pass.Report(analysis.Diagnostic{
				Pos: at.Pos(), End: at.End(), Category: catVary,
				Message:        "Access-Control-Allow-Origin is chosen from the request's Origin without Vary: Origin: a shared cache may serve the answer for one origin to another, whose requests then fail (or read what was meant for the first); add Vary: Origin",
				SuggestedFixes: varyFixes(pass, ev, path),
			})
		}
	}
}

// credentials returns the event among creds sent whenever ev is: one
// that no branch holds that does not also hold ev. Credentials on another
// branch, or under a condition of their own (if cfg.AllowCredentials),
// may never meet this origin.
func (o *origins) credentials(ev *respmodel.Event, creds []*respmodel.Event) *respmodel.Event {
	on := make(map[ast.Node]bool)
	for _, n := range o.pathTo(ev.Node()) {
		on[n] = true
	}
	for _, c := range creds {
		if !slices.ContainsFunc(branches(o.pathTo(c.Node())), func(b ast.Node) bool { return !on[b] }) {
			return c
		}
	}
	return nil
}

// branches returns the branches of if and switch statements that the
// node at path (innermost first) is in, within its function.
func branches(path []ast.Node) []ast.Node {
	var out []ast.Node
	for i := 0; i+1 < len(path); i++ {
		switch p := path[i+1].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return out
		case *ast.IfStmt:
			if path[i] == p.Body || path[i] == p.Else {
				out = append(out, path[i])
			}
		case *ast.CaseClause:
			out = append(out, p)
		}
	}
	return out
}

// chosen reports whether the variable e reads (rule.Origin, picked) is
// given a value under a condition on the origin (picked = o inside if
// o == origin), or by a call given the origin (rule := match(origin)).
func (o *origins) chosen(e ast.Expr) bool {
	e = ast.Unparen(e)
	for {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			break
		}
		e = ast.Unparen(sel.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := o.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	for _, d := range o.defs[v] {
		if call, ok := ast.Unparen(d.rhs).(*ast.CallExpr); ok && slices.ContainsFunc(call.Args, o.is) {
			return true
		}
		if o.guard(o.pathTo(d.stmt), 0).s != unchecked {
			return true
		}
	}
	return false
}

// report reports a finding at n, with the credentials header as related
// information.
func report(pass *analysis.Pass, n ast.Node, category string, cred *respmodel.Event, msg string) {
	d := analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: category, Message: msg}
	if cred != nil && cred.Node() != nil && cred.Node() != n {
		d.Related = []analysis.RelatedInformation{{Pos: cred.Pos(), End: cred.Node().End(), Message: "Access-Control-Allow-Credentials: true is set here"}}
	}
	pass.Report(d)
}
