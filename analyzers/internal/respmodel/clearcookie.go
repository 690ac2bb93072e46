package respmodel

import (
	"go/ast"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// clearEvents models a framework's clear helper (httpfw.ClearCookie):
// one deletion per name it is given, with an empty value, Expires in the
// past and no other attribute. A call without names, which deletes every
// cookie of the request, or with a spread slice names nothing to judge.
func (m *model) clearEvents(ev *Event, a httpfw.Call, call *ast.CallExpr, s *scope, sink ast.Node) []*Event {
	if call.Ellipsis.IsValid() {
		return nil
	}
	var out []*Event
	for i := a.Arg; i < len(call.Args); i++ {
		c := newCookie(a.Framework, ClearHelper, "")
		c.Name = m.eval(call.Args[i], s.params)
		c.Value = knownStr("")
		c.Expires = knownBool(true)
		c.syn.decl, c.syn.call, c.syn.sink = call, call, sink
		e := *ev
		e.Kind, e.Cookie = SetCookie, c
		e.Stage = m.statusStage(a, call, e.Value)
		out = append(out, &e)
	}
	return out
}
