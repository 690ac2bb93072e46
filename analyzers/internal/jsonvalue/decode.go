package jsonvalue

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// decodeTarget returns the argument a decoding call fills, if call is one.
func (m *Model) decodeTarget(call *ast.CallExpr) ast.Expr {
	var obj types.Object
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		obj = m.info.Uses[f]
	case *ast.SelectorExpr:
		obj = m.info.Uses[f.Sel]
	}
	if obj == nil {
		return nil
	}
	if i, ok := httpfw.DecodeArg(obj, len(call.Args)); ok {
		return call.Args[i]
	}
	return nil
}

// A decodeHelper is a function that decodes into one of its parameters.
type decodeHelper struct {
	fn    *types.Func
	param int
}

// noteDecode records call if it decodes: its target's type, or, for a
// helper that decodes into a parameter of its own, the helper.
func (m *Model) noteDecode(call *ast.CallExpr, stack []ast.Node) {
	target := m.decodeTarget(call)
	if target == nil {
		return
	}
	t, param := m.decodedType(target, stack)
	if param >= 0 {
		if fn := m.enclosingDecl(stack); fn != nil {
			m.decodeHelpers = append(m.decodeHelpers, decodeHelper{fn, param})
			return
		}
	}
	m.decoded = append(m.decoded, t)
}

// decodedTypes returns the types the package decodes into: the targets
// of decoding calls noted by noteDecode and of the calls of helpers in
// the package that pass a parameter of theirs to one, through as many
// helper layers as there are helpers. A nil entry is a decode whose
// target type is unknown.
func (m *Model) decodedTypes(insp *inspector.Inspector) []types.Type {
	out := m.decoded
	helpers := m.decodeHelpers
	for round := 0; len(helpers) > 0 && round <= len(m.decodeHelpers); round++ {
		var next []decodeHelper
		insp.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
			call := n.(*ast.CallExpr)
			fn := funcs.Called(m.info, call)
			if !push || fn == nil {
				return true
			}
			for _, h := range helpers {
				if h.fn != fn.Origin() || h.param >= len(call.Args) {
					continue
				}
				t, param := m.decodedType(call.Args[h.param], stack)
				if outer := m.enclosingDecl(stack); param >= 0 && outer != nil {
					next = append(next, decodeHelper{outer, param})
				} else {
					out = append(out, t)
				}
			}
			return true
		})
		helpers = next
	}
	return out
}

// decodedType returns the type decoding into target fills, or, when
// target is a parameter of the enclosing function whose type does not
// say (an interface or type parameter), that parameter's index.
func (m *Model) decodedType(target ast.Expr, stack []ast.Node) (types.Type, int) {
	e := ast.Unparen(target)
	addr := false
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e, addr = ast.Unparen(u.X), true
	}
	t := m.info.TypeOf(e)
	for t != nil {
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			break
		}
		t = p.Elem()
	}
	if t == nil || !types.IsInterface(t) {
		return t, -1
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil, -1
	}
	obj, ok := m.info.Uses[id].(*types.Var)
	if !ok {
		return nil, -1
	}
	if fn := m.enclosingDecl(stack); fn != nil {
		ps := fn.Signature().Params()
		for i := 0; i < ps.Len(); i++ {
			if ps.At(i) == obj {
				return nil, i
			}
		}
	}
	if rhs := m.onlyValue(obj); rhs != nil {
		return m.decodedType(rhs, stack)
	}
	if addr && m.neverAssigned(obj) {
		return t, -1 // var v any; json.Unmarshal(b, &v) fills v with maps and slices
	}
	return nil, -1
}

// enclosingDecl returns the function declared by the innermost function
// declaration on stack, if no function literal is nearer.
func (m *Model) enclosingDecl(stack []ast.Node) *types.Func {
	switch d := funcs.Enclosing(stack).(type) {
	case *ast.FuncDecl:
		fn, _ := m.info.Defs[d.Name].(*types.Func)
		return fn
	}
	return nil
}

// neverAssigned reports whether obj is only declared, never given a value.
func (m *Model) neverAssigned(obj types.Object) bool {
	for a := range m.host.Assigns(obj) {
		if a.Opaque || a.Rhs != nil {
			return false
		}
	}
	return true
}

// decodedBefore reports whether the function of scope s decodes a
// request body into obj (&obj, or obj when it points to the value) on
// every path to at.
func (m *Model) decodedBefore(obj types.Object, s Scope, at token.Pos) bool {
	if s.Node == nil {
		return false
	}
	found := false
	ast.Inspect(s.Node, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok || call.End() > at {
			return !found
		}
		if t := m.decodeTarget(call); t != nil && m.names(t, obj) && m.everyPath(call, nil, at) {
			found = true
		}
		return !found
	})
	return found
}
