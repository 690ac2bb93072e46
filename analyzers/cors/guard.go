package cors

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// strength is how well a condition checks the origin.
type strength uint8

const (
	unchecked strength = iota // no condition on the origin
	loose                     // a check attacker origins pass
	checked                   // an exact check, or one the analysis assumes is
)

// A verdict is what the conditions on the way to a statement say of the
// origin: the strongest check, and for a loose one the check itself.
type verdict struct {
	s     strength
	check ast.Expr // the loose check, when s is loose
}

// and is the verdict of two conditions that both hold: the stronger.
func and(a, b verdict) verdict {
	if b.s > a.s {
		return b
	}
	return a
}

// or is the verdict of either of two conditions on the origin: the
// weaker, ignoring one that does not test it.
func or(a, b verdict) verdict {
	switch {
	case a.s == unchecked:
		return b
	case b.s == unchecked || a.s <= b.s:
		return a
	}
	return b
}

// guard returns the verdict of the conditions under which the statement
// at path (innermost first, as astutil.PathEnclosingInterval returns it)
// runs: the if statements and switch cases around it, and the early
// returns before it, within its function.
func (o *origins) guard(path []ast.Node, depth int) verdict {
	var v verdict
	for i := 0; i+1 < len(path); i++ {
		child, parent := path[i], path[i+1]
		switch p := parent.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return v
		case *ast.IfStmt:
			if child == p.Body || child == p.Else {
				v = and(v, o.cond(p.Cond, child == p.Else, depth))
			}
		case *ast.CaseClause:
			if i+3 < len(path) {
				v = and(v, o.caseVerdict(p, path[i+3], depth))
			}
		case *ast.BlockStmt:
			for _, s := range p.List {
				if s == child {
					break
				}
				if ifs, ok := s.(*ast.IfStmt); ok && ifs.Else == nil && terminates(ifs.Body) {
					v = and(v, o.cond(ifs.Cond, true, depth))
				}
			}
		}
	}
	return v
}

// caseVerdict is the verdict of a switch case: a case on the origin's
// value is exact; the conditions of a tagless switch are read as
// conditions.
func (o *origins) caseVerdict(cc *ast.CaseClause, sw ast.Node, depth int) verdict {
	s, ok := sw.(*ast.SwitchStmt)
	if !ok || len(cc.List) == 0 {
		return verdict{}
	}
	if s.Tag != nil {
		if o.is(s.Tag) {
			return verdict{s: checked}
		}
		return verdict{}
	}
	var v verdict
	for i, e := range cc.List {
		if i == 0 {
			v = o.cond(e, false, depth)
		} else {
			v = or(v, o.cond(e, false, depth))
		}
	}
	return v
}

// terminates reports whether a block ends by leaving the code after it.
func terminates(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := s.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := call.Fun.(*ast.Ident)
		return ok && id.Name == "panic"
	}
	return false
}

// cond returns the verdict of a condition on the origin that holds, or,
// when neg, that does not: origin != x is a check on the way past
// if origin != x { return }, and none inside it.
func (o *origins) cond(e ast.Expr, neg bool, depth int) verdict {
	if depth > maxDepth {
		return verdict{}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return o.cond(e.X, !neg, depth+1)
		}
	case *ast.BinaryExpr:
		x, y := o.cond(e.X, neg, depth+1), o.cond(e.Y, neg, depth+1)
		switch {
		case e.Op == token.LAND && !neg, e.Op == token.LOR && neg:
			return and(x, y)
		case e.Op == token.LOR, e.Op == token.LAND:
			return or(x, y)
		case e.Op == token.EQL && !neg, e.Op == token.NEQ && neg:
			return o.compare(e.X, e.Y)
		}
	case *ast.IndexExpr: // allowed[origin]
		if o.is(e.Index) && !neg {
			return verdict{s: checked}
		}
	case *ast.Ident:
		return o.flag(e, neg, depth)
	case *ast.CallExpr:
		return o.callCheck(e, neg)
	}
	return verdict{}
}

// compare is the verdict of origin == x: exact, unless x is "" or nil,
// which only tests whether there is an origin.
func (o *origins) compare(x, y ast.Expr) verdict {
	if !o.is(x) {
		x, y = y, x
	}
	if !o.is(x) || o.is(y) {
		return verdict{}
	}
	if isEmptyString(o.pass.TypesInfo, y) {
		return verdict{}
	}
	if id, ok := ast.Unparen(y).(*ast.Ident); ok && id.Name == "nil" {
		return verdict{}
	}
	return verdict{s: checked}
}

// flag is the verdict of a boolean variable: of the values it is given,
// and, for a constant one (allowed = true), of the conditions under
// which it is given.
func (o *origins) flag(id *ast.Ident, neg bool, depth int) verdict {
	v, ok := o.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return verdict{}
	}
	var out verdict
	first := true
	for _, d := range o.defs[v] {
		var dv verdict
		if tv, ok := o.pass.TypesInfo.Types[d.rhs]; ok && tv.Value != nil {
			if neg || tv.Value.String() != "true" {
				continue
			}
			dv = o.guard(o.pathTo(d.stmt), depth+1)
		} else {
			dv = o.cond(d.rhs, neg, depth+1)
		}
		if first {
			out, first = dv, false
		} else {
			out = or(out, dv)
		}
	}
	return out
}

// callCheck is the verdict of a call that is given the origin, true or,
// when neg, false. The predicates it knows check nothing when false; any
// other call is taken as a check either way.
func (o *origins) callCheck(call *ast.CallExpr, neg bool) verdict {
	info := o.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return o.anyArg(call)
	}
	arg := func(i int) ast.Expr {
		if i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	switch fn.FullName() {
	case "strings.EqualFold", "slices.Contains":
		if !neg && (o.is(arg(0)) || o.is(arg(1))) {
			return verdict{s: checked}
		}
		return verdict{}
	case "strings.HasSuffix", "strings.HasPrefix", "strings.Contains", "(*regexp.Regexp).MatchString", "regexp.MatchString":
		if neg {
			return verdict{}
		}
	}
	switch fn.FullName() {
	case "strings.HasSuffix":
		if o.is(arg(0)) {
			return o.suffix(call, arg(1))
		}
	case "strings.HasPrefix":
		if o.is(arg(0)) {
			if s, ok := constString(info, arg(1)); ok && !strings.HasSuffix(s, ":") && !strings.HasSuffix(s, "/") {
				return verdict{loose, call}
			}
			return verdict{s: checked}
		}
	case "strings.Contains":
		if o.is(arg(0)) {
			return verdict{loose, call}
		}
	case "(*regexp.Regexp).MatchString":
		if o.is(arg(0)) {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				return o.pattern(call, o.compiled(sel.X, 0))
			}
		}
	case "regexp.MatchString":
		if o.is(arg(1)) {
			s, ok := constString(info, arg(0))
			return o.pattern(call, pattern{s, ok})
		}
	}
	return o.anyArg(call)
}

// anyArg is the verdict of a call the analysis does not know: a check,
// if it is given the origin, or the request it comes from.
func (o *origins) anyArg(call *ast.CallExpr) verdict {
	for _, a := range call.Args {
		if o.is(a) || carriesRequest(o.pass.TypesInfo.TypeOf(a)) {
			return verdict{s: checked}
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && o.is(sel.X) {
		return verdict{s: checked}
	}
	return verdict{}
}

// carriesRequest reports whether t is a request, or a framework's
// context that holds it (*gin.Context, echo.Context, *fiber.Ctx).
func carriesRequest(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok && httpfw.IsNamed(p.Elem(), httpfw.PathNetHTTP, "Request") {
		return true
	}
	return httpfw.ResponseParam(t) > httpfw.NetHTTP
}

// suffix is the verdict of strings.HasSuffix(origin, s): exact when s
// starts with "." (a subdomain) or with the scheme, loose otherwise.
func (o *origins) suffix(call *ast.CallExpr, s ast.Expr) verdict {
	if c, ok := constString(o.pass.TypesInfo, s); ok {
		if strings.HasPrefix(c, ".") || strings.Contains(c, "://") {
			return verdict{s: checked}
		}
		return verdict{loose, call}
	}
	if b, ok := ast.Unparen(s).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		if c, ok := constString(o.pass.TypesInfo, b.X); ok && !strings.HasPrefix(c, ".") && !strings.Contains(c, "://") {
			return verdict{loose, call}
		}
	}
	return verdict{s: checked}
}

// A pattern is a regular expression's source, if constant.
type pattern struct {
	src   string
	known bool
}

// compiled returns the pattern a *regexp.Regexp was compiled from.
func (o *origins) compiled(e ast.Expr, depth int) pattern {
	if depth > maxDepth {
		return pattern{}
	}
	info := o.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if ok && len(o.defs[v]) == 1 {
			return o.compiled(o.defs[v][0].rhs, depth+1)
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, e).(*types.Func)
		if fn != nil && len(e.Args) == 1 && (fn.FullName() == "regexp.MustCompile" || fn.FullName() == "regexp.Compile") {
			s, ok := constString(info, e.Args[0])
			return pattern{s, ok}
		}
	}
	return pattern{}
}

// pattern is the verdict of matching the origin against p: loose when p
// is not anchored at both ends.
func (o *origins) pattern(call *ast.CallExpr, p pattern) verdict {
	if !p.known {
		return verdict{s: checked}
	}
	if strings.HasPrefix(p.src, "^") && (strings.HasSuffix(p.src, "$") || strings.HasSuffix(p.src, `\z`)) {
		return verdict{s: checked}
	}
	return verdict{loose, call}
}
