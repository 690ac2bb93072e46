package respmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"

	"golang.org/x/tools/go/cfg"
)

// Correlated conditions. A function that tests the same condition twice
// with no assignment to its variables in between takes the same branch
// both times: in
//
//	if err != nil { writeError(w, err) }
//	...
//	if err == nil { w.Header().Set(...) }
//
// the header is set only on paths where the error page was not written.
// The may-analysis (flowGraph.may) keeps, for each block, one state per
// valuation of such conditions, and drops the states a branch cannot
// take.
//
// A boolean local variable the function sets to a constant is tracked
// through those assignments too, even when it is tested only once: in a
// loop
//
//	committed := false
//	for b := range chunks {
//		if !committed { w.WriteHeader(http.StatusAccepted); committed = true }
//		w.Write(b)
//	}
//
// every path to the write passes the assignment or a test that found the
// flag set, so the status is never written after it.

// maxConds is how many conditions (tested more than once, then flags) a
// function's states distinguish; further ones are taken as independent.
const maxConds = 6

// maxStates bounds the states of one block: beyond it they are merged
// into one that knows no condition.
const maxStates = 64

// A valuation is what is known of each correlated condition on a path:
// 0 nothing, 1 true, 2 false.
type valuation [maxConds]int8

// condOf is a correlated condition tested at the end of a block: its
// index and whether the block tests its negation.
type condOf struct {
	index int
	neg   bool
}

// correlation is the correlated conditions of one function.
type correlation struct {
	tests   map[int32]condOf  // by block index
	assigns map[int32]assigns // by block index
}

// assigns is what a block's assignments do to the conditions: those of
// kill are set to val, where 0 forgets what was known (a variable of the
// condition takes a value the model does not know) and 1 or 2 makes a
// flag's condition true or false.
type assigns struct {
	kill uint8
	val  valuation
}

// assign returns v after the assignments a.
func (v valuation) assign(a assigns) valuation {
	for i := range v {
		if a.kill&(1<<i) != 0 {
			v[i] = a.val[i]
		}
	}
	return v
}

// correlate finds the conditions the function of g tests more than once,
// then the flags it tests: a comparison with == or != of local
// variables, constants and nil, or a boolean local variable, possibly
// negated, whose variables are not assigned in a closure, not bound by
// range, and whose address is never taken. A flag is a boolean variable
// declared in body that the function sets to a constant (flagVars). It
// returns nil if there is none.
func (m *model) correlate(body *ast.BlockStmt, g *cfg.CFG) *correlation {
	type test struct {
		block int32
		key   string
		neg   bool
		vars  []*types.Var
	}
	var tests []test
	count := make(map[string]int)
	for _, b := range g.Blocks {
		if !b.Live || len(b.Succs) != 2 || len(b.Nodes) == 0 {
			continue
		}
		e, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
		if !ok {
			continue
		}
		if key, neg, vars, ok := m.condAtom(e); ok {
			tests = append(tests, test{b.Index, key, neg, vars})
			count[key]++
		}
	}
	if len(tests) == 0 {
		return nil
	}
	flags := m.flagVars(body, g)
	index := make(map[string]int)
	var keys []string
	var flagOf [maxConds]*types.Var // the flag a condition is, if it is one
	for pass := range 2 {
		for _, t := range tests {
			if _, ok := index[t.key]; ok || len(keys) == maxConds {
				continue
			}
			flag := len(t.vars) == 1 && t.key == varKey(t.vars[0]) && flags[t.vars[0]]
			if pass == 0 && count[t.key] > 1 || pass == 1 && flag {
				index[t.key] = len(keys)
				if flag {
					flagOf[len(keys)] = t.vars[0]
				}
				keys = append(keys, t.key)
			}
		}
	}
	if len(keys) == 0 {
		return nil
	}
	unsafe := m.untracked(body)
	c := &correlation{tests: make(map[int32]condOf), assigns: make(map[int32]assigns)}
	varConds := make(map[*types.Var]uint8)
outer:
	for _, t := range tests {
		i, ok := index[t.key]
		if !ok {
			continue
		}
		for _, v := range t.vars {
			if unsafe[v] {
				continue outer
			}
		}
		c.tests[t.block] = condOf{i, t.neg}
		for _, v := range t.vars {
			varConds[v] |= 1 << i
		}
	}
	if len(c.tests) == 0 {
		return nil
	}
	for _, b := range g.Blocks {
		var a assigns
		for _, n := range b.Nodes {
			for _, as := range m.assignments(n) {
				bits := varConds[as.v]
				for i := range maxConds {
					if bits&(1<<i) != 0 {
						a.kill |= 1 << i
						a.val[i] = 0
						if flagOf[i] == as.v {
							a.val[i] = as.val
						}
					}
				}
			}
		}
		if a.kill != 0 {
			c.assigns[b.Index] = a
		}
	}
	return c
}

// flagVars returns the boolean variables declared in body that some
// node of g sets to a constant (committed := false, first = false).
func (m *model) flagVars(body *ast.BlockStmt, g *cfg.CFG) map[*types.Var]bool {
	out := make(map[*types.Var]bool)
	for _, b := range g.Blocks {
		for _, n := range b.Nodes {
			for _, as := range m.assignments(n) {
				if as.val != 0 && as.v.Pos() >= body.Pos() && as.v.Pos() < body.End() {
					out[as.v] = true
				}
			}
		}
	}
	return out
}

// condAtom returns the key of condition e (the same for x == y, y == x
// and !(x != y)), whether e is its negation, and its variables.
func (m *model) condAtom(e ast.Expr) (key string, neg bool, vars []*types.Var, ok bool) {
	e = ast.Unparen(e)
	for {
		u, isNot := e.(*ast.UnaryExpr)
		if !isNot || u.Op != token.NOT {
			break
		}
		neg = !neg
		e = ast.Unparen(u.X)
	}
	if b, isBin := e.(*ast.BinaryExpr); isBin {
		if b.Op != token.EQL && b.Op != token.NEQ {
			return "", false, nil, false
		}
		x, vx, ok1 := m.operand(b.X)
		y, vy, ok2 := m.operand(b.Y)
		if !ok1 || !ok2 || vx == nil && vy == nil {
			return "", false, nil, false
		}
		// flag == false is !flag: the condition of the flag alone.
		for _, side := range [2]struct {
			v     *types.Var
			other ast.Expr
		}{{vx, b.Y}, {vy, b.X}} {
			if c := m.boolConst(side.other); side.v != nil && c != 0 {
				return varKey(side.v), neg != (c == 2) != (b.Op == token.NEQ), []*types.Var{side.v}, true
			}
		}
		if y < x {
			x, y = y, x
		}
		for _, v := range []*types.Var{vx, vy} {
			if v != nil {
				vars = append(vars, v)
			}
		}
		return x + "==" + y, neg != (b.Op == token.NEQ), vars, true
	}
	k, v, ok := m.operand(e)
	if !ok || v == nil {
		return "", false, nil, false
	}
	if basic, isBasic := v.Type().Underlying().(*types.Basic); !isBasic || basic.Info()&types.IsBoolean == 0 {
		return "", false, nil, false
	}
	return k, neg, []*types.Var{v}, true
}

// operand returns the key of a condition's operand: a constant, nil or
// a local variable of a type that methods cannot change in place
// (basic, interface or pointer), with the variable.
func (m *model) operand(e ast.Expr) (string, *types.Var, bool) {
	e = ast.Unparen(e)
	tv, ok := m.info.Types[e]
	if !ok {
		return "", nil, false
	}
	if tv.Value != nil {
		return "c" + tv.Value.ExactString(), nil, true
	}
	if tv.IsNil() {
		return "nil", nil, true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return "", nil, false
	}
	v, ok := m.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return "", nil, false
	}
	switch v.Type().Underlying().(type) {
	case *types.Basic, *types.Interface, *types.Pointer:
	default:
		return "", nil, false
	}
	return varKey(v), v, true
}

// varKey is the key of a local variable as an operand, and as the
// condition of a boolean variable tested alone.
func varKey(v *types.Var) string { return "v" + strconv.Itoa(int(v.Pos())) + v.Name() }

// untracked returns the variables of body whose value may change other
// than by an assignment the graph shows: assigned in a closure, bound
// by a range clause, or whose address is taken.
func (m *model) untracked(body *ast.BlockStmt) map[*types.Var]bool {
	out := make(map[*types.Var]bool)
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := m.info.ObjectOf(id).(*types.Var); ok {
				out[v] = true
			}
		}
	}
	var walk func(n ast.Node, inClosure bool)
	walk = func(n ast.Node, inClosure bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				if n.Body != nil {
					walk(n.Body, true)
				}
				return false
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					mark(n.X)
				}
			case *ast.RangeStmt:
				if n.Key != nil {
					mark(n.Key)
				}
				if n.Value != nil {
					mark(n.Value)
				}
			case *ast.AssignStmt:
				if inClosure {
					for _, l := range n.Lhs {
						mark(l)
					}
				}
			case *ast.IncDecStmt:
				if inClosure {
					mark(n.X)
				}
			}
			return true
		})
	}
	walk(body, false)
	return out
}

// A varAssign is a variable a node of the graph assigns or declares,
// with the boolean constant it gets: 1 true, 2 false, 0 another or an
// unknown value.
type varAssign struct {
	v   *types.Var
	val int8
}

// assignments returns the assignments of a node of the graph, in order.
// A boolean variable declared without a value is false.
func (m *model) assignments(n ast.Node) []varAssign {
	var out []varAssign
	add := func(e, value ast.Expr, zero bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return
		}
		v, ok := m.info.ObjectOf(id).(*types.Var)
		if !ok {
			return
		}
		as := varAssign{v: v}
		if value != nil {
			as.val = m.boolConst(value)
		} else if basic, ok := v.Type().Underlying().(*types.Basic); zero && ok && basic.Info()&types.IsBoolean != 0 {
			as.val = 2
		}
		out = append(out, as)
	}
	values := func(lhs []ast.Expr, rhs []ast.Expr, zero bool) {
		for i, l := range lhs {
			var value ast.Expr
			if len(rhs) == len(lhs) {
				value = rhs[i]
			}
			add(l, value, zero && len(rhs) == 0)
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
			values(n.Lhs, n.Rhs, false)
		} else {
			values(n.Lhs, nil, false)
		}
	case *ast.IncDecStmt:
		add(n.X, nil, false)
	case *ast.DeclStmt:
		if g, ok := n.Decl.(*ast.GenDecl); ok {
			for _, spec := range g.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok {
					values(identExprs(vs.Names), vs.Values, true)
				}
			}
		}
	case *ast.ValueSpec:
		values(identExprs(n.Names), n.Values, true)
	}
	return out
}

func identExprs(ids []*ast.Ident) []ast.Expr {
	out := make([]ast.Expr, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// boolConst returns 1 if e is the constant true, 2 if false, else 0.
func (m *model) boolConst(e ast.Expr) int8 {
	tv, ok := m.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return 0
	}
	if constant.BoolVal(tv.Value) {
		return 1
	}
	return 2
}

// states is the may-state of one block: witnesses per valuation.
type states map[valuation]witnesses

// add merges w into s at v and reports whether s changed.
func (s states) add(v valuation, w witnesses) bool {
	old, ok := s[v]
	if ok {
		w = old.merge(w)
		if w == old {
			return false
		}
	}
	s[v] = w
	return true
}

// bounded returns s, or its states merged into one that knows no
// condition when there are too many.
func (s states) bounded() states {
	if len(s) <= maxStates {
		return s
	}
	var all witnesses
	first := true
	for _, w := range s {
		if first {
			all, first = w, false
		} else {
			all = all.merge(w)
		}
	}
	return states{{}: all}
}

// sortedValuations returns the valuations of s in a fixed order, so that
// the witnesses recorded do not depend on map order.
func (s states) sortedValuations() []valuation {
	out := make([]valuation, 0, len(s))
	for v := range s {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		for k := range out[i] {
			if out[i][k] != out[j][k] {
				return out[i][k] < out[j][k]
			}
		}
		return false
	})
	return out
}

// along returns the states of s that can take the edge from block b to
// its successor succ, knowing the condition b tests.
func (c *correlation) along(s states, b *cfg.Block, succ *cfg.Block) states {
	if c == nil {
		return s
	}
	t, ok := c.tests[b.Index]
	if !ok {
		return s
	}
	if b.Succs[0] == b.Succs[1] {
		return s
	}
	holds := succ == b.Succs[0] // the true branch
	if t.neg {
		holds = !holds
	}
	want := int8(2)
	if holds {
		want = 1
	}
	out := make(states, len(s))
	for v, w := range s {
		if v[t.index] != 0 && v[t.index] != want {
			continue // the path took the other branch before
		}
		v[t.index] = want
		out.add(v, w)
	}
	return out
}

// assigned returns what block b's assignments do to the conditions.
func (c *correlation) assigned(b *cfg.Block) assigns {
	if c == nil {
		return assigns{}
	}
	return c.assigns[b.Index]
}
