package respmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// reaching returns the assignment whose value the local variable obj
// holds at use on every path: the last assignment before use in a block
// around it (so it runs before use on every path), with no other
// assignment that may run in between, textually or through a loop around
// use. filename = sanitize(filename) thus decides what filename holds
// after it. ok is false when no assignment is certain to reach use, when
// the variable is assigned in another function or through its address, or
// when the function jumps with goto.
func (m *model) reaching(obj *types.Var, use *ast.Ident) (assignment, bool) {
	as := m.defs.assigns[obj]
	if len(as) == 0 || m.defs.addrTaken[obj] {
		return assignment{}, false
	}
	c, fn, ok := m.useSite(obj, use)
	if !ok {
		return assignment{}, false
	}
	p := use.Pos()
	best := -1
	for i, a := range as {
		at, region := effect(a)
		if a.post || region == nil || at > p || p < region.Pos() || region.End() <= p {
			continue
		}
		if best < 0 || at > effectPos(as[best]) {
			best = i
		}
	}
	if best < 0 {
		return assignment{}, false
	}
	if assignedBetween(as, best, c, effectPos(as[best]), p) {
		return assignment{}, false
	}
	if m.hasGoto(fn) {
		return assignment{}, false
	}
	return as[best], true
}

// useSite returns the cursor of use, a use of the local variable obj, and
// its innermost function; ok is false when obj is assigned in another
// function (a closure may run at any time) or at package level.
func (m *model) useSite(obj *types.Var, use *ast.Ident) (c inspector.Cursor, fn ast.Node, ok bool) {
	c, ok = m.insp.Root().FindByPos(use.Pos(), use.End())
	if !ok {
		return c, nil, false
	}
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = f.Node()
		break
	}
	if fn == nil {
		return c, nil, false
	}
	for _, a := range m.defs.assigns[obj] {
		if a.fn != fn {
			return c, nil, false
		}
	}
	return c, fn, true
}

// assignedBetween reports whether an assignment among as, other than the
// one at index skip, may take effect after from and before the use at c
// (at p): after from and up to p in the text, or anywhere in a loop
// around the use that starts after from, which runs before the use on the
// next iteration.
func assignedBetween(as []assignment, skip int, c inspector.Cursor, from, p token.Pos) bool {
	limit := p
	for l := range c.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if l.Node().Pos() < from {
			break
		}
		limit = max(limit, l.Node().End())
	}
	for i, a := range as {
		if at := effectPos(a); i != skip && from < at && at <= limit {
			return true
		}
	}
	return false
}

// effect returns where an assignment takes effect and the region of code
// it runs before: the rest of its block, or for a range loop's key and
// value, the loop's body.
func effect(a assignment) (token.Pos, ast.Node) {
	if r, ok := a.stmt.(*ast.RangeStmt); ok {
		return r.Body.Lbrace, r.Body
	}
	return a.stmt.End(), a.block
}

func effectPos(a assignment) token.Pos {
	at, _ := effect(a)
	return at
}

// hasGoto reports whether fn holds a goto statement.
func (m *model) hasGoto(fn ast.Node) bool {
	found := false
	m.inspectFunc(fn, []ast.Node{(*ast.BranchStmt)(nil)}, func(n ast.Node) bool {
		found = found || n.(*ast.BranchStmt).Tok == token.GOTO
		return !found
	})
	return found
}
