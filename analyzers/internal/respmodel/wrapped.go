package respmodel

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/jsonvalue"
)

// Wrappers: a function that returns a closure writing what a function
// it is given returns (jsonvalue's Called slots, wrapped.go there) does
// not write when called; the closure does, once routed. Its callers see
// the closure's JSON bodies, with the functions they pass, in
// Func.Wrapped rather than among their events: registering a route does
// not write a response.

// WrapperFact is exported for a wrapper: the JSON body events of the
// closures it returns, with only their Called slots.
type WrapperFact struct{ HelperFact }

func (*WrapperFact) AFact() {}

func (f *WrapperFact) String() string { return "wrapper(" + f.HelperFact.String() + ")" }

// wraps returns the JSON body events of the closures fn returns, with
// only their Called slots: from its declaration in this package, or
// from its WrapperFact.
func (m *model) wraps(fn *types.Func) []*Event {
	fn = fn.Origin()
	if evs, ok := m.wrappers[fn]; ok {
		return evs
	}
	var evs []*Event
	if d, ok := m.decls[fn]; ok {
		if cur, ok := m.funcs[d]; ok {
			for c := range cur.Preorder((*ast.FuncLit)(nil)) {
				for _, ev := range m.summary(c.Node()).events {
					if w := calledOnly(ev); w != nil {
						evs = append(evs, w)
					}
				}
			}
		}
	} else if fn.Pkg() != m.pass.Pkg {
		var f WrapperFact
		if m.pass.ImportObjectFact(fn, &f) {
			evs = f.Events()
		}
	}
	m.wrappers[fn] = evs
	return evs
}

// calledOnly returns a copy of ev, a closure's event, with only the
// Called slots of its JSON body, or nil if it has none.
func calledOnly(ev *Event) *Event {
	if ev.Kind != WriteBody || ev.JSON == nil {
		return nil
	}
	slots := slices.DeleteFunc(slices.Clone(ev.JSON.Slots), func(sl *jsonvalue.Slot) bool { return !sl.Called })
	if len(slots) == 0 {
		return nil
	}
	v := *ev.JSON
	v.Slots = slots
	w := *ev
	w.JSON = &v
	return &w
}

// wrappedEvents returns the JSON bodies that the closure a wrapper
// returns writes, as seen at call, the wrapper's call in scope s.
func (m *model) wrappedEvents(call *ast.CallExpr, s *scope, stack []ast.Node) []*Event {
	fn := funcs.Called(m.info, call)
	if fn == nil {
		return nil
	}
	var out []*Event
	for _, h := range m.wraps(fn) {
		if e := m.substEvent(h, viaName(fn), call, s, enclosingStmt(stack)); e != nil && len(e.JSON.Slots) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// exportWrapperFact exports the WrapperFact of fn, if it is a wrapper.
func (m *model) exportWrapperFact(fn *types.Func) {
	if evs := m.wraps(fn); len(evs) > 0 {
		m.pass.ExportObjectFact(fn, &WrapperFact{*m.packer.helperFact(evs, Open)})
	}
}
