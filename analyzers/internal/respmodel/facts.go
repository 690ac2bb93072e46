package respmodel

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"net/http"
	"strings"
)

// HelperFact is exported for a function that receives a response and acts
// on it: its events, with values that come from its parameters left
// symbolic (Value.Param, Cookie.Param). A function that receives no
// response exports its reads of the request (identity, body) alone.
type HelperFact struct {
	// Packed holds the events (see pack.go); Events unpacks them.
	Packed []byte
	N      int // how many events
	// Exit is the stage the helper leaves the response at on every path
	// that returns: Sent for a helper that always writes.
	Exit Stage
}

func (*HelperFact) AFact() {}

func (f *HelperFact) String() string { return fmt.Sprintf("helper(%d events)", f.N) }

// helperFact returns the HelperFact of a function's events, packed
// without this package's syntax and types (see pack.go): callers in other
// packages edit and point at their own syntax only. Nor does it keep the
// events' order among themselves, which each call works out anew (see
// substEvent). p's buffer is reused from one fact to the next: the fact
// gets a copy of just what it needs.
func (p *packer) helperFact(events []*Event, exit Stage) *HelperFact {
	p.buf = p.buf[:0]
	for _, e := range events {
		p.event(e)
	}
	return &HelperFact{Packed: bytes.Clone(p.buf), N: len(events), Exit: exit}
}

// Events unpacks the helper's events, or returns nil if they do not
// unpack.
func (f *HelperFact) Events() []*Event {
	if f.N < 0 || f.N > len(f.Packed) { // an event takes bytes
		return nil
	}
	u := unpacker{buf: f.Packed}
	events := make([]*Event, f.N)
	for i := range events {
		events[i] = u.event()
	}
	if u.bad || len(u.buf) > 0 {
		return nil
	}
	return events
}

// Verify returns an error if the events do not unpack. The fact cache
// calls it on the facts it reads, so that a damaged entry is recomputed
// rather than read as a helper that does nothing.
func (f *HelperFact) Verify() error {
	if f.Events() == nil {
		return errors.New("respmodel: helper fact: events do not unpack")
	}
	return nil
}

// FactoryFact is exported for a function that builds and returns a cookie.
type FactoryFact struct {
	Cookie *Cookie
}

func (*FactoryFact) AFact() {}

func (f *FactoryFact) String() string { return "cookie factory" }

// forCallers returns v without its syntax, which a fact read from the
// fact cache would not have either.
func (v Value) forCallers() Value {
	v.expr = nil
	if b := v.Built; b != nil {
		v.Built = &Built{Template: b.Template, HoleParams: b.HoleParams}
	}
	return v
}

// forCallers returns a copy of c without its syntax, or nil for nil.
func (c *Cookie) forCallers() *Cookie {
	if c == nil {
		return nil
	}
	out := *c
	out.syn = cookieSyntax{}
	for _, p := range out.attrs() {
		*p = p.forCallers()
	}
	return &out
}

// substEvent returns the event a helper performs, as seen at call in the
// caller's scope s: its symbolic values replaced by the call's arguments.
func (m *model) substEvent(h *Event, via string, call *ast.CallExpr, s *scope, sink ast.Node) *Event {
	e := *h
	e.Via, e.call, e.node = via, call, call
	if h.Kind == ReadIdentity && h.Via == "" {
		e.Reader = via
	}
	e.sentBy, e.doneBy, e.lastBy, e.liveBy, e.callEnd = nil, nil, nil, nil, Open // the helper's own order; see SentBy
	if h.headerParam > 0 {
		name := unknown(nil)
		if i := int(h.headerParam - 1); i < len(call.Args) {
			name = m.eval(call.Args[i], s.params)
		}
		switch {
		case name.State == Known:
			e.Header, e.headerParam = http.CanonicalHeaderKey(name.Str), 0
		case name.State == Unknown && name.Param >= 0:
			e.headerParam = name.Param + 1
		default:
			return nil // a header the model cannot name
		}
	}
	e.Value = m.substValue(h.Value, call, s)
	if h.Kind == ReadIdentity && h.Value.State == Unknown && h.Value.Param >= 0 && int(h.Value.Param) < len(call.Args) {
		e.Value = m.identityKey(call.Args[h.Value.Param], s)
	}
	if h.JSON != nil {
		e.JSON = m.json.Subst(h.JSON, call, s.json())
		e.bodyTyp = e.JSON.Type()
	}
	if h.File != nil {
		f := m.substValue(*h.File, call, s)
		e.File = &f
	}
	e.helper = h
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
	if len(v.HoleParams()) > 0 {
		return m.substHoles(v, call, s)
	}
	if v.State != Unknown || v.Param < 0 {
		return v
	}
	if int(v.Param) >= len(call.Args) {
		return unknown(nil)
	}
	return m.evalString(call.Args[v.Param], s)
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
	if d := out.syn.decl; d != nil && !m.inPackage(d.Pos()) {
		// Syntax of another package: not ours to edit or point at (and
		// lost anyway when facts are serialised, as under go vet).
		out.syn = cookieSyntax{}
	}
	for _, p := range out.attrs() {
		*p = m.substValue(*p, call, s)
	}
	return &out
}

// inPackage reports whether pos is in a file of the package analysed.
func (m *model) inPackage(pos token.Pos) bool {
	for _, f := range m.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// substHoles replaces the parameter holes of a template by what the
// call's arguments are: raw, safe, or parameters of the caller in turn.
func (m *model) substHoles(v Value, call *ast.CallExpr, s *scope) Value {
	var b strings.Builder
	var params []int
	k := 0
	t := v.Built
	for i := 0; i < len(t.Template); i++ {
		if t.Template[i] != ParamHole[0] || k >= len(t.HoleParams) {
			b.WriteByte(t.Template[i])
			continue
		}
		h := Part{Hole: true, Raw: true, Param: -1}
		if p := t.HoleParams[k]; p < len(call.Args) && !call.Ellipsis.IsValid() {
			h = m.hole(call.Args[p], 0, s, 0)
		}
		k++
		switch {
		case h.Param >= 0:
			b.WriteString(ParamHole)
			params = append(params, h.Param)
		case h.Raw:
			b.WriteString(RawHole)
		default:
			b.WriteString(SafeHole)
		}
	}
	// A new Built, not an update of the helper's: the syntax stays, for
	// messages about an argument that point at how the helper builds it.
	v.Built = &Built{Template: b.String(), HoleParams: params, root: t.root, parts: t.parts}
	return v
}
