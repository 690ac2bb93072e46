package jsonvalue

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// pathJSON is the import path of the standard JSON package.
const pathJSON = "encoding/json"

// A Value is the value a JSON body event serialises. It is
// gob-encodable; its type and syntax are kept only within the package
// that computed it.
type Value struct {
	// Param is the index of the enclosing function's parameter that is
	// serialised, or -1. Callers of a helper see the argument instead.
	Param int
	// Fixed is set on an event replayed from a helper that serialises a
	// value of its own, not one of its parameters: the helper's event
	// already says everything, so findings belong to the helper.
	Fixed bool
	// Marshalled: the body is the output of json.Marshal or MarshalIndent
	// written as bytes or a string, rather than a framework JSON call.
	Marshalled bool
	// Cleared lists the paths that are empty in the value written: the
	// fields the function blanks on every path to the write
	// (u.Password = "", a constant mask, a call such as u.HideSecrets()),
	// and those of the elements of a slice or map it ranges over
	// (users[i].Password = ""); columns the gorm query that loaded it
	// left out; what a helper's result is empty in. Paths are steps such
	// as ".Password" or "[i]", ".Password" from the serialised value; an
	// empty path says the whole value is nil or zero (empty.go).
	Cleared [][]string
	// Echoed: the value written is a variable the function decoded the
	// request body into before the write, so it holds what the request
	// sent, passwords included. It is not carried to callers.
	Echoed bool
	// Loaded: the value written is a variable that gorm queries fill
	// (every fill of it before the write), so a plain password of a type
	// the package also decodes requests into holds what is stored,
	// unless the query left it out (Cleared). Not carried to callers.
	Loaded bool
	// Slots are the places in a body built by a composite literal where
	// the literal puts a parameter of the enclosing function under an
	// interface type: Response{Code: 0, Data: data}. At a call site, each
	// holds the argument. A body that is a call's result also has a slot,
	// holding the argument, for each parameter the function puts under an
	// interface-typed field of it (returned.go).
	Slots []*Slot

	typ       types.Type
	expr      ast.Expr
	helperTyp types.Type
	blanked   map[*ast.Ident][][]string
	assigned  []Assigned
}

// Type returns the static type of the serialised value. A variable of
// interface type with one assignment stands for the value assigned to
// it. Type is nil when the value comes from another package.
func (v *Value) Type() types.Type { return v.typ }

// Blanked returns, for a variable a composite literal in the body holds
// (u in gin.H{"user": u}), the fields of it blanked before the write, as
// Cleared says for the value itself.
func (v *Value) Blanked(id *ast.Ident) [][]string { return v.blanked[id] }

// HelperType returns, for a value passed to a helper that serialises its
// parameter, the parameter's declared type: what the helper itself is
// checked with. Findings that hold for it are reported in the helper.
func (v *Value) HelperType() types.Type { return v.helperTyp }

// Expr returns the serialised expression: the argument of the call or,
// when that is a variable with a single definition (a composite literal,
// the value behind an interface), that definition. Expr is nil when the
// value comes from another package.
func (v *Value) Expr() ast.Expr { return v.expr }

// A Slot is a place in a JSON body, under an interface-typed field
// or map entry of a composite literal, that holds a parameter of the
// function writing the body.
type Slot struct {
	// Steps lead from the body to the slot: ".Data", `["user"]`.
	Steps []string
	// Param is the parameter, or -1 once resolved to a value that is
	// not a parameter of the caller.
	Param int
	// Elem >= 0: the slot holds element Elem of the variadic parameter
	// (data[0] of data ...any).
	Elem int
	// Called: the slot holds result Result of a call of parameter Param
	// of the function declaring the closure that writes the body (a
	// wrapper's data, err := h(ctx)). At the wrapper's call sites it
	// holds what the function passed returns (wrapped.go).
	Called bool
	Result int

	value *Value
}

// Value returns the value a call site puts in the slot, or nil in the
// function that declares the parameter.
func (sl *Slot) Value() *Value { return sl.value }

// maxSlotDepth bounds how deep slots are looked for in nested literals.
const maxSlotDepth = 4

// jsonValue resolves the serialised expression e inside scope s.
func (m *Model) jsonValue(e ast.Expr, s Scope) *Value {
	v := m.resolveJSON(e, s)
	slots, assigned := m.fieldSlots(e, s)
	v.Slots = append(m.slots(v.expr, s, nil, 0), slots...)
	if sl := m.calledSlot(v.expr, nil, s); sl != nil {
		v.Slots = append(v.Slots, sl) // c.JSON(200, data)
	}
	v.assigned = assigned
	v.blanked = m.blankedIn(v.expr, s, e.Pos(), 0)
	switch x := v.expr.(type) {
	case *ast.CallExpr:
		m.returned(v, x, 0, s)
	case *ast.Ident:
		if obj, ok := m.info.Uses[x].(*types.Var); ok && v.Param < 0 {
			if call, i, ok := m.tupleDef(obj); ok {
				m.returned(v, call, i, s) // resp, err := build()
			}
		}
	}
	return v
}

// fieldSlots returns what the function puts in the interface-typed
// fields of a body held in a local struct variable (var resp Response;
// resp.Data = data), as a composite literal would: the slots of those it
// sets to its parameters, and the others' values.
func (m *Model) fieldSlots(e ast.Expr, s Scope) (slots []*Slot, assigned []Assigned) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok || s.Node == nil {
		return nil, nil
	}
	v, ok := m.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil, nil
	}
	if _, isParam := s.Params[v]; isParam {
		return nil, nil
	}
	for fa := range m.host.Fields(v) {
		if fa.Rhs == nil || !isPos(s.Node, fa.Stmt.Pos()) {
			continue
		}
		steps, ok := interfacePath(v, fa.Path)
		if !ok {
			continue
		}
		if p, elem, ok := m.paramOf(fa.Rhs, s); ok {
			slots = append(slots, &Slot{Steps: steps, Param: p, Elem: elem})
		} else if sl := m.calledSlot(fa.Rhs, steps, s); sl != nil {
			slots = append(slots, sl)
		} else {
			assigned = append(assigned, Assigned{Steps: steps, Expr: fa.Rhs})
		}
	}
	return slots, assigned
}

// interfacePath returns the steps of path, a chain of fields from v
// (resp.Data.List), when it ends at an interface-typed field through
// struct fields that are not.
func interfacePath(v *types.Var, path []string) ([]string, bool) {
	t := v.Type()
	var steps []string
	for i, name := range path {
		f, _, _ := types.LookupFieldOrMethod(t, true, v.Pkg(), name)
		field, ok := f.(*types.Var)
		if !ok || !field.IsField() {
			return nil, false
		}
		steps = append(steps, "."+field.Name())
		t = field.Type()
		if types.IsInterface(t) {
			return steps, i == len(path)-1
		}
	}
	return nil, false
}

// Assigned is a value put under an interface-typed field of a body, at
// Steps from it: by the function writing the body to its variable
// (body.Data = users), or by the function whose result the body is
// (resp.Data = users; return &resp). Expr is the value; for a function
// of another package it is nil, and Type and Cleared say what the value
// is and what it is empty in.
type Assigned struct {
	Steps   []string
	Expr    ast.Expr
	Type    types.Type
	Cleared [][]string
}

// Assigned returns the values put under interface-typed fields of the
// body, in the function that writes it or the one that returns it; nil
// for a value from another package.
func (v *Value) Assigned() []Assigned { return v.assigned }

func (m *Model) resolveJSON(e ast.Expr, s Scope) *Value {
	v := &Value{Param: -1}
	at := e.Pos()
	for depth := 0; ; depth++ {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if obj, ok := m.info.Uses[id].(*types.Var); ok {
				v.Cleared = append(v.Cleared, m.emptyAt(obj, s, at, 0)...)
				v.Echoed = v.Echoed || m.decodedBefore(obj, s, at)
				if _, ok := m.queried(obj, s, at); ok && s.Node != nil {
					v.Loaded = true
				}
			}
		}
		e = ast.Unparen(e)
		if inner, ok := m.interfaceConversion(e); ok {
			e = inner
			continue
		}
		v.expr, v.typ = e, m.info.TypeOf(e)
		if call, ok := e.(*ast.CallExpr); ok {
			v.Cleared = append(v.Cleared, m.resultEmpty(call, 0, 0)...)
		}
		id, ok := e.(*ast.Ident)
		if !ok || depth == maxDepth {
			return v
		}
		obj, ok := m.info.Uses[id].(*types.Var)
		if !ok {
			return v
		}
		if i, ok := s.Params[obj]; ok {
			v.Param = i
			return v
		}
		rhs := m.onlyValue(obj)
		if rhs == nil {
			return v
		}
		e = rhs
	}
}

// slots returns the slots of the composite literal e (or &e): its
// interface-typed struct fields, map values and slice elements that hold
// a parameter, or a literal with slots of its own.
func (m *Model) slots(e ast.Expr, s Scope, steps []string, depth int) []*Slot {
	if e == nil || depth == maxSlotDepth {
		return nil
	}
	lit := compositeLit(ast.Unparen(e))
	if lit == nil {
		return nil
	}
	t := m.info.TypeOf(lit)
	if t == nil {
		return nil
	}
	var out []*Slot
	add := func(step string, slotType types.Type, value ast.Expr) {
		steps := append(steps[:len(steps):len(steps)], step)
		if types.IsInterface(slotType) {
			if p, elem, ok := m.paramOf(value, s); ok {
				out = append(out, &Slot{Steps: steps, Param: p, Elem: elem})
				return
			}
			if sl := m.calledSlot(value, steps, s); sl != nil {
				out = append(out, sl)
				return
			}
		}
		out = append(out, m.slots(value, s, steps, depth+1)...)
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i, elt := range lit.Elts {
			var field *types.Var
			value := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				value = kv.Value
				if id, ok := kv.Key.(*ast.Ident); ok {
					field, _ = m.info.Uses[id].(*types.Var)
				}
			} else if i < u.NumFields() {
				field = u.Field(i)
			}
			if field != nil {
				add("."+field.Name(), field.Type(), value)
			}
		}
	case *types.Map:
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key := m.host.Const(kv.Key, s.Params); key.Known && key.Str != "" {
					add(strconv.Quote(key.Str), u.Elem(), kv.Value)
				}
			}
		}
	case *types.Slice:
		for _, elt := range lit.Elts {
			add("[i]", u.Elem(), elt)
		}
	}
	return out
}

// paramOf reports whether e is a parameter of the function of scope s,
// or a constant index into its variadic parameter (data[0]).
func (m *Model) paramOf(e ast.Expr, s Scope) (param, elem int, ok bool) {
	e = ast.Unparen(e)
	elem = -1
	if ix, isIndex := e.(*ast.IndexExpr); isIndex && s.Sig != nil && s.Sig.Variadic() {
		k := m.host.Const(ix.Index, s.Params)
		if !k.Known || k.Int < 0 {
			return 0, 0, false
		}
		e, elem = ast.Unparen(ix.X), int(k.Int)
	}
	id, isIdent := e.(*ast.Ident)
	if !isIdent {
		return 0, 0, false
	}
	v, isVar := m.info.Uses[id].(*types.Var)
	if !isVar {
		return 0, 0, false
	}
	p, ok := s.Params[v]
	if elem >= 0 && p != s.Sig.Params().Len()-1 {
		return 0, 0, false
	}
	return p, elem, ok
}

// interfaceConversion reports whether e converts a value to an interface
// type (any(u)), and returns the converted value.
func (m *Model) interfaceConversion(e ast.Expr) (ast.Expr, bool) {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil, false
	}
	tv, ok := m.info.Types[call.Fun]
	if !ok || !tv.IsType() || !types.IsInterface(tv.Type) {
		return nil, false
	}
	return call.Args[0], true
}

// onlyValue returns the value a variable holds when it is given exactly
// one: a single definition, or a declaration without initializer followed
// by one assignment. It returns nil otherwise, and for variables whose
// address is taken (anything may store through the pointer).
func (m *Model) onlyValue(obj types.Object) ast.Expr {
	if m.host.AddrTaken(obj) {
		return nil
	}
	var rhs ast.Expr
	for a := range m.host.Assigns(obj) {
		switch {
		case a.Opaque:
			return nil
		case a.Rhs == nil:
			// var x T: the zero value, overwritten by the assignment
		case rhs != nil:
			return nil
		default:
			rhs = a.Rhs
		}
	}
	return rhs
}

// marshalled reports whether the bytes or string e are the output of
// json.Marshal or json.MarshalIndent, directly, through conversions or
// through variables (b, err := json.Marshal(v)), and returns the
// marshalled expression.
func (m *Model) marshalled(e ast.Expr) (ast.Expr, bool) {
	for depth := 0; depth < maxDepth; depth++ {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.CallExpr:
			if tv, ok := m.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0] // string(b), []byte(s)
				continue
			}
			if m.isMarshal(x) {
				return x.Args[0], true
			}
			return nil, false
		case *ast.Ident:
			obj := m.info.Uses[x]
			if obj == nil {
				return nil, false
			}
			if rhs := m.onlyValue(obj); rhs != nil {
				e = rhs
				continue
			}
			return m.marshalTuple(obj)
		default:
			return nil, false
		}
	}
	return nil, false
}

// marshalTuple handles b, err := json.Marshal(v): a tuple assignment that
// is the variable's only definition besides a plain declaration.
func (m *Model) marshalTuple(obj types.Object) (ast.Expr, bool) {
	call, i, ok := m.tupleDef(obj)
	if !ok || i != 0 || !m.isMarshal(call) {
		return nil, false
	}
	return call.Args[0], true
}

// tupleDef returns the call whose result i a variable holds when its only
// definition besides a plain declaration is a tuple assignment of the
// call's results (u, err := load()).
func (m *Model) tupleDef(obj types.Object) (*ast.CallExpr, int, bool) {
	var found *ast.CallExpr
	index := 0
	for a := range m.host.Assigns(obj) {
		if a.Rhs == nil && !a.Opaque {
			continue // var b []byte
		}
		as, ok := a.Stmt.(*ast.AssignStmt)
		if found != nil || !ok || len(as.Rhs) != 1 || len(as.Lhs) < 2 {
			return nil, 0, false
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return nil, 0, false
		}
		index = slices.IndexFunc(as.Lhs, func(lhs ast.Expr) bool {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			return ok && m.info.ObjectOf(id) == obj
		})
		if index < 0 {
			return nil, 0, false
		}
		found = call
	}
	return found, index, found != nil
}

func (m *Model) isMarshal(call *ast.CallExpr) bool {
	fn := funcs.Called(m.info, call)
	return fn != nil && httpfw.PkgPath(fn) == pathJSON && (fn.Name() == "Marshal" || fn.Name() == "MarshalIndent") && len(call.Args) > 0
}

// substJSON instantiates a helper's JSON value at call: a value that is a
// parameter of the helper becomes the argument, resolved in the caller,
// and remembers the parameter's declared type, which the helper's own
// findings are about.
func (m *Model) substJSON(v *Value, call *ast.CallExpr, s Scope) *Value {
	if v.Param < 0 || v.Param >= len(call.Args) {
		out := *v
		out.Fixed = true
		out.Slots = nil
		for _, sl := range v.Slots {
			if sl.Called {
				out.Slots = append(out.Slots, m.calledSlots(sl, call)...)
			} else if r := m.substSlot(sl, call, s); r != nil {
				out.Slots = append(out.Slots, r)
			}
		}
		return &out
	}
	out := m.jsonValue(call.Args[v.Param], s)
	out.Marshalled = v.Marshalled
	if fn := funcs.Called(m.info, call); fn != nil {
		if ps := fn.Origin().Signature().Params(); v.Param < ps.Len() {
			out.helperTyp = ps.At(v.Param).Type()
		}
	}
	return out
}

// substSlot resolves a helper's slot at call: to the argument, or, when
// the argument is a parameter of the caller, to that parameter, for the
// caller's own callers.
func (m *Model) substSlot(sl *Slot, call *ast.CallExpr, s Scope) *Slot {
	i := sl.Param
	if sl.Elem >= 0 {
		if call.Ellipsis.IsValid() {
			return nil // f(xs...): the elements are not written out
		}
		i += sl.Elem
	}
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	out := &Slot{Steps: sl.Steps, Param: -1, Elem: -1}
	if p, elem, ok := m.paramOf(call.Args[i], s); ok {
		out.Param, out.Elem = p, elem
		return out
	}
	if c := m.calledSlot(call.Args[i], sl.Steps, s); c != nil {
		return c // response.OK(c, data) in a wrapper's closure
	}
	out.value = m.jsonValue(call.Args[i], s)
	return out
}
