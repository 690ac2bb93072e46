package respmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp/syntax"
	"unicode"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// allowlisted reports whether the local variable obj, at use, has passed
// a guard that leaves the function unless a regular expression that only
// matches safe strings matches it:
//
//	if !nameRe.MatchString(name) {
//		return
//	}
//
// The guard is a statement of a block around use, before it, and nothing
// assigns the variable between them (see reaching for the same
// conditions).
func (m *model) allowlisted(obj *types.Var, use *ast.Ident) bool {
	if m.defs.addrTaken[obj] {
		return false
	}
	if v, ok := m.guarded[use]; ok {
		return v
	}
	v := m.findGuard(obj, use)
	if m.guarded == nil {
		m.guarded = make(map[*ast.Ident]bool)
	}
	m.guarded[use] = v
	return v
}

// allowlistedIdent is allowlisted for an identifier that may not be a
// variable.
func (m *model) allowlistedIdent(id *ast.Ident) bool {
	obj, ok := m.info.Uses[id].(*types.Var)
	return ok && !obj.IsField() && m.allowlisted(obj, id)
}

func (m *model) findGuard(obj *types.Var, use *ast.Ident) bool {
	c, fn, ok := m.useSite(obj, use)
	if !ok {
		return false
	}
	p := use.Pos()
	for b := range c.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		if b.Node().Pos() < fn.Pos() {
			break
		}
		for _, st := range funcs.Stmts(b.Node()) {
			if st.End() > p {
				break
			}
			if g, ok := st.(*ast.IfStmt); ok && m.isGuard(g, obj) && !assignedBetween(m.defs.assigns[obj], -1, c, g.Pos(), p) {
				return !m.hasGoto(fn)
			}
		}
	}
	return false
}

// isGuard reports whether g leaves the function (return or panic) when a
// safe regular expression does not match obj: one of the conditions its
// || joins is !re.MatchString(obj) or !re.Match([]byte(obj)).
func (m *model) isGuard(g *ast.IfStmt, obj *types.Var) bool {
	if len(g.Body.List) == 0 || !leaves(m.info, g.Body.List[len(g.Body.List)-1]) {
		return false
	}
	for _, d := range disjuncts(g.Cond) {
		not, ok := d.(*ast.UnaryExpr)
		if !ok || not.Op != token.NOT {
			continue
		}
		call, ok := ast.Unparen(not.X).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			continue
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || !isRegexp(m.info.TypeOf(sel.X)) {
			continue
		}
		arg := ast.Unparen(call.Args[0])
		switch sel.Sel.Name {
		case "MatchString":
		case "Match":
			// []byte(name)
			conv, ok := arg.(*ast.CallExpr)
			if !ok || len(conv.Args) != 1 {
				continue
			}
			if tv, ok := m.info.Types[conv.Fun]; !ok || !tv.IsType() {
				continue
			}
			arg = ast.Unparen(conv.Args[0])
		default:
			continue
		}
		if m.uses(arg, obj) && m.safeRegexp(sel.X) {
			return true
		}
	}
	return false
}

// disjuncts splits a condition at its top-level || operators.
func disjuncts(e ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.LOR {
		return append(disjuncts(b.X), disjuncts(b.Y)...)
	}
	return []ast.Expr{e}
}

// leaves reports whether st ends its function: a return or a call of
// panic.
func leaves(info *types.Info, st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(st.X).(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				_, builtin := info.Uses[id].(*types.Builtin)
				return builtin && id.Name == "panic"
			}
		}
	}
	return false
}

// isRegexp reports whether t is *regexp.Regexp.
func isRegexp(t types.Type) bool {
	_, ok := t.(*types.Pointer)
	return ok && httpfw.IsNamed(t, "regexp", "Regexp")
}

// safeRegexp reports whether re is compiled, with regexp.MustCompile or
// regexp.MustCompilePOSIX, from a constant pattern that only matches
// safe strings (see safePattern), directly or in a variable with that
// single definition.
func (m *model) safeRegexp(re ast.Expr) bool {
	call, ok := m.followVar(re).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !isFunc(m.info, call, "regexp", "MustCompile") && !isFunc(m.info, call, "regexp", "MustCompilePOSIX") {
		return false
	}
	v := m.eval(call.Args[0], nil)
	if v.State != Known {
		return false
	}
	flags := syntax.Perl
	if isFunc(m.info, call, "regexp", "MustCompilePOSIX") {
		flags = syntax.POSIX
	}
	return safePattern(v.Str, flags)
}

// safePattern reports whether a regular expression matches only whole
// strings (anchored at both ends, ^...$) made of safe characters (see
// safeRune): [a-zA-Z0-9_.-]+ inside ^ and $, but not .+ or [^"]+.
func safePattern(pattern string, flags syntax.Flags) bool {
	re, err := syntax.Parse(pattern, flags)
	return err == nil && anchored(re) && safeChars(re)
}

// anchored reports whether every string re matches starts at the
// beginning of the text and ends at its end.
func anchored(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpCapture:
		return anchored(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !anchored(s) {
				return false
			}
		}
		return true
	case syntax.OpConcat:
		n := len(re.Sub)
		return n >= 2 && re.Sub[0].Op == syntax.OpBeginText && re.Sub[n-1].Op == syntax.OpEndText
	}
	return false
}

// safeChars reports whether every character re can match is safe.
func safeChars(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if !safeRune(r) {
				return false
			}
			if re.Flags&syntax.FoldCase != 0 {
				// (?i)k also matches the Kelvin sign.
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					if !safeRune(f) {
						return false
					}
				}
			}
		}
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if !safeRune(r) {
					return false
				}
			}
		}
		return true
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat,
		syntax.OpConcat, syntax.OpAlternate:
		for _, s := range re.Sub {
			if !safeChars(s) {
				return false
			}
		}
		return true
	}
	return false // any character
}

// safeRune reports whether r can be pasted into a header parameter: a
// printable ASCII character other than a quote, a backslash or ";".
func safeRune(r rune) bool {
	return ' ' <= r && r <= '~' && r != '"' && r != '\\' && r != ';'
}
