package jsonvalue

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"

	"github.com/resplint/resplint/analyzers/internal/funcs"
)

// Returned envelopes: a function that builds the value it returns
// (resp.Data = users; return &resp, or return &Response{Data: users})
// decides what its callers send under the value's interface-typed
// fields, which its type does not say. A body that is a call of such a
// function holds what the function puts there, on any path to a return.

// A put is a value a function puts under an interface-typed field of its
// result, at position at.
type put struct {
	result int
	step   string // ".Data"
	expr   ast.Expr
	param  int // >= 0: expr is that parameter (elem as in Slot)
	elem   int
	at     token.Pos
}

// funcPuts are the puts of a function of the package, with its scope.
type funcPuts struct {
	scope Scope
	puts  []put
}

// returned adds to v, the body that call's result res is, what the
// called function puts under the result's interface-typed fields:
// parameters become slots holding the arguments; other values are
// assigned, with their syntax and what they are empty in for a function
// of this package, with their types and cleared paths (FillsFact)
// otherwise.
func (m *Model) returned(v *Value, call *ast.CallExpr, res int, s Scope) {
	fn := funcs.Called(m.info, call)
	if fn == nil {
		return
	}
	if fp := m.funcPuts(fn.Origin()); fp != nil {
		for _, p := range fp.puts {
			if p.result != res {
				continue
			}
			if p.param >= 0 {
				m.addSlot(v, &Slot{Steps: []string{p.step}, Param: p.param, Elem: p.elem}, call, s)
				continue
			}
			v.assigned = append(v.assigned, Assigned{Steps: []string{p.step}, Expr: p.expr})
			m.noteBlanked(v, p.expr, fp.scope, p.at)
		}
		return
	}
	for _, f := range m.importedFills(fn.Origin()) {
		if f.Result != res {
			continue
		}
		if f.Param >= 0 {
			m.addSlot(v, &Slot{Steps: f.Steps, Param: f.Param, Elem: f.Elem}, call, s)
			continue
		}
		v.assigned = append(v.assigned, Assigned{Steps: f.Steps, Type: f.typ, Cleared: f.Cleared})
	}
}

// addSlot adds to v the callee's slot sl, resolved at call.
func (m *Model) addSlot(v *Value, sl *Slot, call *ast.CallExpr, s Scope) {
	if r := m.substSlot(sl, call, s); r != nil {
		v.Slots = append(v.Slots, r)
	}
}

// noteBlanked records in v what the variables e is, or holds in a
// composite literal, are empty in where the callee puts e (at, in scope
// s), as Value.Blanked says for the body's own literal.
func (m *Model) noteBlanked(v *Value, e ast.Expr, s Scope, at token.Pos) {
	add := func(id *ast.Ident, c [][]string) {
		if v.blanked == nil {
			v.blanked = make(map[*ast.Ident][][]string)
		}
		v.blanked[id] = c
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if obj, ok := m.info.Uses[id].(*types.Var); ok {
			if c := m.emptyAt(obj, s, at, 0); len(c) > 0 {
				add(id, c)
			}
		}
		return
	}
	for id, c := range m.blankedIn(e, s, at, 0) {
		add(id, c)
	}
}

// funcPuts returns the puts of fn, a function declared in the package,
// or nil.
func (m *Model) funcPuts(fn *types.Func) *funcPuts {
	d, ok := m.decls[fn]
	if !ok {
		return nil
	}
	if fp, ok := m.puts[fn]; ok {
		return fp
	}
	fp := &funcPuts{scope: m.host.Scope(d)}
	m.puts[fn] = fp
	n := d.Type.Results.NumFields()
	seen := make(map[put]bool)
	ast.Inspect(d.Body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(x.Results) != n {
				return false // a bare return, or return f()
			}
			for i, e := range x.Results {
				for _, p := range m.resultPuts(e, fp.scope, x.Pos()) {
					p.result = i
					if !seen[p] {
						seen[p] = true
						fp.puts = append(fp.puts, p)
					}
				}
			}
		}
		return true
	})
	return fp
}

// resultPuts returns what the function of scope s puts under the
// interface-typed fields of e, which it returns at position at: a
// composite literal (or its address), or a local variable given one by
// a literal or field by field before at.
func (m *Model) resultPuts(e ast.Expr, s Scope, at token.Pos) []put {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		return m.literalPuts(lit, s, at)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := m.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	if _, isParam := s.Params[v]; isParam {
		return nil
	}
	var out []put
	for a := range m.host.Assigns(v) {
		if a.Stmt.Pos() < at {
			if lit := compositeLit(ast.Unparen(a.Rhs)); lit != nil {
				out = append(out, m.literalPuts(lit, s, a.Stmt.Pos())...)
			}
		}
	}
	for fa := range m.host.Fields(v) {
		if len(fa.Path) != 1 || fa.Rhs == nil || fa.Stmt.Pos() >= at || !isPos(s.Node, fa.Stmt.Pos()) {
			continue
		}
		if interfaceField(v.Type(), fa.Path[0]) {
			out = append(out, m.newPut("."+fa.Path[0], fa.Rhs, s, fa.Stmt.Pos())...)
		}
	}
	return out
}

// literalPuts returns the values a struct literal puts in its
// interface-typed fields.
func (m *Model) literalPuts(lit *ast.CompositeLit, s Scope, at token.Pos) []put {
	t := m.info.TypeOf(lit)
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []put
	for i, elt := range lit.Elts {
		name, value := "", elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			value = kv.Value
			if id, ok := kv.Key.(*ast.Ident); ok {
				name = id.Name
			}
		} else if i < st.NumFields() {
			name = st.Field(i).Name()
		}
		if interfaceField(t, name) {
			out = append(out, m.newPut("."+name, value, s, at)...)
		}
	}
	return out
}

// interfaceField reports whether the struct t (or *t) has a field of
// that name of interface type that encoding/json writes: exported, and
// not tagged json:"-".
func interfaceField(t types.Type, name string) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == name {
			return f.Exported() && types.IsInterface(f.Type()) && reflect.StructTag(st.Tag(i)).Get("json") != "-"
		}
	}
	return false
}

// newPut returns the put of e under step, unless e is nil or a constant:
// a message, not data.
func (m *Model) newPut(step string, e ast.Expr, s Scope, at token.Pos) []put {
	if tv, ok := m.info.Types[e]; !ok || tv.IsNil() || tv.Value != nil {
		return nil
	}
	p := put{step: step, expr: e, param: -1, elem: -1, at: at}
	if param, elem, ok := m.paramOf(e, s); ok {
		p.param, p.elem = param, elem
	}
	return []put{p}
}

// fills returns the puts of fn as callers in other packages see them:
// a value put by a composite literal of maps or slices of interfaces
// (gin.H{"users": users}) is split into the values it holds, and each
// value is named by its type and the paths it is empty in.
func (m *Model) fills(fn *types.Func) []Fill {
	fp := m.funcPuts(fn)
	if fp == nil {
		return nil
	}
	var out []Fill
	for _, p := range fp.puts {
		if p.param >= 0 {
			out = append(out, Fill{Result: p.result, Steps: []string{p.step}, Param: p.param, Elem: p.elem})
			continue
		}
		for _, f := range m.splitFill(p.expr, []string{p.step}, fp.scope, p.at, 0) {
			f.Result = p.result
			out = append(out, f)
		}
	}
	return out
}

// splitFill returns the fills of e, put at steps: those of the values a
// map or slice literal of interfaces holds, or e's own.
func (m *Model) splitFill(e ast.Expr, steps []string, s Scope, at token.Pos, depth int) []Fill {
	e = ast.Unparen(e)
	lit, _ := e.(*ast.CompositeLit)
	if lit == nil || depth == maxSlotDepth {
		return m.leafFill(e, steps, s, at)
	}
	under := func(step string) []string { return append(steps[:len(steps):len(steps)], step) }
	var out []Fill
	switch u := m.info.TypeOf(lit).Underlying().(type) {
	case *types.Map:
		if !types.IsInterface(u.Elem()) {
			return m.leafFill(e, steps, s, at)
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key := m.host.Const(kv.Key, s.Params); key.Known && key.Str != "" {
					out = append(out, m.splitFill(kv.Value, under("["+strconv.Quote(key.Str)+"]"), s, at, depth+1)...)
				}
			}
		}
	case *types.Slice:
		if !types.IsInterface(u.Elem()) {
			return m.leafFill(e, steps, s, at)
		}
		for _, elt := range lit.Elts {
			out = append(out, m.splitFill(elt, under("[i]"), s, at, depth+1)...)
		}
	default:
		return m.leafFill(e, steps, s, at)
	}
	return out
}

// leafFill returns the fill of e, put at steps, if its type can be named.
func (m *Model) leafFill(e ast.Expr, steps []string, s Scope, at token.Pos) []Fill {
	ref, ok := m.typeRef(m.info.TypeOf(e))
	if !ok {
		return nil
	}
	return []Fill{{Steps: steps, Param: -1, Elem: -1, Type: ref, Cleared: m.exprEmpty(e, s, at, 0)}}
}
