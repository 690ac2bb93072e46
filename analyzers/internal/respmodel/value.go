package respmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// State says how much is known about a value.
type State uint8

const (
	// Absent: the value was never given (a struct field left out).
	Absent State = iota
	// Known: the value is a constant, held in Bool, Str or Int.
	Known
	// Unknown: the value is computed at run time; checks treat it as a
	// deliberate choice and do not report it.
	Unknown
)

// Value is a string, boolean or integer attribute of a response event.
// It is gob-encodable; the syntax it came from is kept unexported.
type Value struct {
	State State
	Bool  bool
	// Param is the index of the enclosing function's parameter the value
	// comes from, or -1. Such values are Unknown inside the function and
	// become known at call sites through facts. (An int32 beside State
	// and Bool: a Value is copied into every fact that holds it.)
	Param int32
	Str   string
	Int   int64
	// Hint is the name of the variable or field a non-constant value was
	// read from (for example "SessionCookieName"), or "".
	Hint string
	// Built is, for a string built by + or fmt.Sprintf from constant
	// text and computed parts, how; nil otherwise (most values: a
	// pointer keeps the others small).
	Built *Built

	expr ast.Expr // where the value is written, if in this package
}

// Template returns v.Built.Template, or "" for a value not built.
func (v Value) Template() string {
	if v.Built == nil {
		return ""
	}
	return v.Built.Template
}

// HoleParams returns v.Built.HoleParams, or nil for a value not built.
func (v Value) HoleParams() []int {
	if v.Built == nil {
		return nil
	}
	return v.Built.HoleParams
}

// Expr returns the expression the value was written as, or nil when the
// value is absent or comes from another package.
func (v Value) Expr() ast.Expr { return v.expr }

// IsTrue reports whether v is the constant true.
func (v Value) IsTrue() bool { return v.State == Known && v.Bool }

// IsFalseOrAbsent reports whether v is absent or the constant false:
// the attribute is certainly not set.
func (v Value) IsFalseOrAbsent() bool {
	return v.State == Absent || v.State == Known && !v.Bool
}

func absent() Value                 { return Value{Param: -1} }
func unknown(e ast.Expr) Value      { return Value{State: Unknown, Param: -1, expr: e} }
func knownBool(b bool) Value        { return Value{State: Known, Bool: b, Param: -1} }
func knownStr(s string) Value       { return Value{State: Known, Str: s, Param: -1} }
func knownInt(i int64) Value        { return Value{State: Known, Int: i, Param: -1} }
func (v Value) at(e ast.Expr) Value { v.expr = e; return v }

// fromConstant converts a typed constant to a Value.
func fromConstant(c constant.Value) (Value, bool) {
	switch c.Kind() {
	case constant.Bool:
		return knownBool(constant.BoolVal(c)), true
	case constant.String:
		return knownStr(constant.StringVal(c)), true
	case constant.Int:
		if i, ok := constant.Int64Val(c); ok {
			return knownInt(i), true
		}
	}
	return Value{}, false
}

// maxDepth bounds how many variable definitions eval follows.
const maxDepth = 8

// eval resolves e to a Value within the function whose parameters are
// params: constants, parameters, and variables with one definition.
func (m *model) eval(e ast.Expr, params map[*types.Var]int) Value {
	return m.evalDepth(e, params, 0)
}

func (m *model) evalDepth(e ast.Expr, params map[*types.Var]int, depth int) Value {
	e = ast.Unparen(e)
	if tv, ok := m.info.Types[e]; ok && tv.Value != nil {
		if v, ok := fromConstant(tv.Value); ok {
			return v.at(e)
		}
	}
	v := unknown(e)
	switch e := e.(type) {
	case *ast.Ident:
		v.Hint = e.Name
		obj, ok := m.info.Uses[e].(*types.Var)
		if !ok {
			return v
		}
		if i, ok := params[obj]; ok {
			v.Param = int32(i)
			return v
		}
		if rhs, ok := m.defs.single(obj); ok && depth < maxDepth {
			if rhs == nil {
				return zeroValue(obj.Type()).at(e)
			}
			r := m.evalDepth(rhs, params, depth+1)
			if r.State == Unknown && r.Param < 0 && r.Hint == "" {
				r.Hint = e.Name
			}
			return r.at(e)
		}
	case *ast.SelectorExpr:
		v.Hint = e.Sel.Name
		if sel, ok := m.info.Selections[e]; ok && sel.Kind() == types.FieldVal && depth < maxDepth {
			if rhs, ok := m.defs.single(sel.Obj()); ok && rhs != nil {
				r := m.evalDepth(rhs, params, depth+1)
				if r.State == Known || r.Hint != "" {
					r.Param = -1 // a field is not the enclosing function's parameter
					if r.State == Unknown && r.Hint == "" {
						r.Hint = v.Hint
					}
					return r.at(e)
				}
			}
		}
	case *ast.BinaryExpr:
		// "sessionid-" + id: the constant parts describe the value.
		if e.Op == token.ADD {
			l, r := m.evalDepth(e.X, params, depth+1), m.evalDepth(e.Y, params, depth+1)
			v.Hint = constText(l) + constText(r)
		}
	case *ast.CallExpr:
		// A conversion such as string(x) or http.SameSite(x) keeps x.
		if tv, ok := m.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return m.evalDepth(e.Args[0], params, depth+1).at(e)
		}
	}
	return v
}

// constText is the constant text of a string value, or its hint.
func constText(v Value) string {
	if v.State == Known {
		return v.Str
	}
	return v.Hint
}

// zeroValue is the Value of a variable declared without an initializer.
func zeroValue(t types.Type) Value {
	if b, ok := t.Underlying().(*types.Basic); ok {
		switch {
		case b.Info()&types.IsBoolean != 0:
			return knownBool(false)
		case b.Info()&types.IsString != 0:
			return knownStr("")
		case b.Info()&types.IsInteger != 0:
			return knownInt(0)
		}
	}
	return unknown(nil)
}

// CompositeLit returns the composite literal e is, or takes the address
// of, and whether it is addressed.
func CompositeLit(e ast.Expr) (*ast.CompositeLit, bool) {
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		lit, _ := ast.Unparen(u.X).(*ast.CompositeLit)
		return lit, true
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit, false
}
