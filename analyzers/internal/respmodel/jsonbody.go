package respmodel

import (
	"go/ast"
	"go/types"
	"iter"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/jsonvalue"
)

// jsonBody turns a body event into a JSON body event when it writes JSON:
// a framework JSON call, or bytes from json.Marshal. What the value is
// is jsonvalue's to say.
func (m *model) jsonBody(ev *Event, e ast.Expr, s *scope) {
	switch ev.Body {
	case BodyJSON:
		ev.JSON = m.json.Body(e, s.json())
	case BodyBytes, BodyString:
		v, ok := m.json.Marshalled(e)
		if !ok {
			return
		}
		ev.Body = BodyJSON
		ev.JSON = m.json.Body(v, s.json())
		ev.JSON.Marshalled = true
	default:
		return
	}
	ev.bodyTyp = ev.JSON.Type()
}

// json returns the scope as jsonvalue takes it.
func (s *scope) json() jsonvalue.Scope {
	return jsonvalue.Scope{Node: s.node, Sig: s.sig, Params: s.params}
}

// jsonHost is what jsonvalue asks of the model: scopes, constants and the
// package's assignments.
type jsonHost struct{ m *model }

func (h jsonHost) Scope(fn ast.Node) jsonvalue.Scope { return h.m.newScope(fn).json() }

func (h jsonHost) Const(e ast.Expr, params map[*types.Var]int) jsonvalue.Const {
	v := h.m.eval(e, params)
	return jsonvalue.Const{Known: v.State == Known, Str: v.Str, Int: v.Int}
}

func (h jsonHost) Assigns(obj types.Object) iter.Seq[jsonvalue.Assign] {
	return func(yield func(jsonvalue.Assign) bool) {
		for _, a := range h.m.defs.assigns[obj] {
			if !yield(jsonvalue.Assign{Rhs: a.rhs, Opaque: a.opaque, Stmt: a.stmt}) {
				return
			}
		}
	}
}

func (h jsonHost) Fields(obj types.Object) iter.Seq[jsonvalue.FieldAssign] {
	return func(yield func(jsonvalue.FieldAssign) bool) {
		for _, fa := range h.m.defs.fields[obj] {
			if !yield(jsonvalue.FieldAssign{Path: fa.path, Rhs: fa.rhs, Stmt: fa.stmt}) {
				return
			}
		}
	}
}

func (h jsonHost) AddrTaken(obj types.Object) bool { return h.m.defs.addrTaken[obj] }

// funcVarEvents returns the events of a call through a package variable
// of a modelled framework, such as chi render's Respond (var Respond =
// DefaultResponder, render/responder.go in v1.0.3).
func (m *model) funcVarEvents(call *ast.CallExpr, s *scope, sink ast.Node) []*Event {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return nil
	}
	v, ok := m.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	if a, ok := httpfw.Lookup(v); ok {
		return m.events(a, call, s, sink)
	}
	return nil
}
