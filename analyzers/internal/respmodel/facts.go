package respmodel

import (
	"fmt"
	"go/ast"
)

// HelperFact is exported for a function that receives a response and acts
// on it: its events, with values that come from its parameters left
// symbolic (Value.Param, Cookie.Param).
type HelperFact struct {
	Events []*Event
	// Exit is the stage the helper leaves the response at on every path
	// that returns: Sent for a helper that always writes.
	Exit Stage
}

func (*HelperFact) AFact() {}

func (f *HelperFact) String() string { return fmt.Sprintf("helper(%d events)", len(f.Events)) }

// FactoryFact is exported for a function that builds and returns a cookie.
type FactoryFact struct {
	Cookie *Cookie
}

func (*FactoryFact) AFact() {}

func (f *FactoryFact) String() string { return "cookie factory" }

// substEvent returns the event a helper performs, as seen at call in the
// caller's scope s: its symbolic values replaced by the call's arguments.
func (m *model) substEvent(h *Event, via string, call *ast.CallExpr, s *scope, sink ast.Node) *Event {
	e := *h
	e.Via, e.call, e.node = via, call, call
	e.sentBy, e.doneBy, e.liveBy, e.callEnd = nil, nil, nil, Open // the helper's own order; see SentBy
	e.Value = m.substValue(h.Value, call, s)
	if h.Cookie != nil {
		e.Cookie = m.substCookie(h.Cookie, call, s, sink)
		if e.Cookie == nil {
			return nil
		}
		e.generic = h.Cookie
	}
	return &e
}

func (m *model) substValue(v Value, call *ast.CallExpr, s *scope) Value {
	if v.State != Unknown || v.Param < 0 {
		return v
	}
	if v.Param >= len(call.Args) {
		return unknown(nil)
	}
	return m.eval(call.Args[v.Param], s.params)
}

// substCookie instantiates a helper's or factory's cookie at call. The
// syntax of a cookie declared in this package is kept, so that fixes and
// related information point at its literal.
func (m *model) substCookie(c *Cookie, call *ast.CallExpr, s *scope, sink ast.Node) *Cookie {
	if c.Param >= 0 {
		if c.Param >= len(call.Args) {
			return nil
		}
		return m.resolveCookie(call.Args[c.Param], s, sink, 0)
	}
	out := *c
	for _, p := range out.attrs() {
		*p = m.substValue(*p, call, s)
	}
	return &out
}
