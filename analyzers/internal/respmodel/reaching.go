package respmodel

import (
	"go/ast"
	"go/token"
	"go/types"
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
	c, ok := m.insp.Root().FindByPos(use.Pos(), use.End())
	if !ok {
		return assignment{}, false
	}
	var fn ast.Node
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = f.Node()
		break
	}
	if fn == nil {
		return assignment{}, false
	}
	p := use.Pos()
	best := -1
	for i, a := range as {
		if a.fn != fn {
			return assignment{}, false // a closure may run at any time
		}
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
	from := effectPos(as[best])
	// An assignment in a loop around use that starts after the one found
	// runs before use on the next iteration.
	limit := p
	for l := range c.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if l.Node().Pos() < from {
			break
		}
		limit = max(limit, l.Node().End())
	}
	for i, a := range as {
		if at := effectPos(a); i != best && from < at && at <= limit {
			return assignment{}, false
		}
	}
	if m.hasGoto(fn) {
		return assignment{}, false
	}
	return as[best], true
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
