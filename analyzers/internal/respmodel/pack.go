package respmodel

import (
	"encoding/binary"
	"go/types"
)

// A HelperFact lives until every package that imports its function's
// package has been analysed: in a module whose main package imports every
// handler package, to the end of the run. So it holds its events packed,
// in a few dozen bytes each where an Event struct takes hundreds and a
// Cookie more than a thousand; the types and syntax they keep are
// referred to, not copied.
// Each importing package unpacks a helper's events once (model.callee).
//
// The encoding is a sequence of varints and length-prefixed strings, in
// the order of the fields below. It never leaves the process but through
// gob (the fact cache), with the packing executable, so it has no version.

// packer packs events, without the syntax of their package (as
// Value.forCallers copies a value).
type packer struct {
	buf  []byte
	refs []any // types and built strings' syntax, by index + 1
}

func (p *packer) uint(x uint64) { p.buf = binary.AppendUvarint(p.buf, x) }
func (p *packer) int(x int64)   { p.buf = binary.AppendVarint(p.buf, x) }

func (p *packer) bool(b bool) {
	if b {
		p.uint(1)
	} else {
		p.uint(0)
	}
}

func (p *packer) string(s string) {
	p.uint(uint64(len(s)))
	p.buf = append(p.buf, s...)
}

func (p *packer) strings(ss []string) {
	p.uint(uint64(len(ss)))
	for _, s := range ss {
		p.string(s)
	}
}

// ref packs a reference to x, which unpacking gives back as it is.
func (p *packer) ref(x any) {
	if x == nil {
		p.uint(0)
		return
	}
	p.refs = append(p.refs, x)
	p.uint(uint64(len(p.refs)))
}

func (p *packer) event(e *Event) {
	p.uint(uint64(e.Kind))
	p.uint(uint64(e.Framework))
	p.string(e.Header)
	p.int(int64(e.headerParam))
	p.value(&e.Value)
	p.bool(e.File != nil)
	if e.File != nil {
		p.value(e.File)
	}
	p.bool(e.Cookie != nil)
	if e.Cookie != nil {
		p.cookie(e.Cookie)
	}
	p.uint(uint64(e.Body))
	p.uint(uint64(e.Identity))
	p.bool(e.JSON != nil)
	if e.JSON != nil {
		p.json(e.JSON)
	}
	p.string(e.Via)
	p.uint(uint64(e.Stage))
	p.uint(uint64(e.Before))
	p.ref(e.bodyTyp)
	p.uint(uint64(e.callEnd))
}

func (p *packer) value(v *Value) {
	p.uint(uint64(v.State))
	p.bool(v.Bool)
	p.int(int64(v.Param))
	p.string(v.Str)
	p.int(v.Int)
	p.string(v.Hint)
	p.bool(v.Built != nil)
	if b := v.Built; b != nil {
		// Template and HoleParams are packed, not referred to, so that
		// they survive gob; the syntax does not, as it never did.
		p.string(b.Template)
		p.uint(uint64(len(b.HoleParams)))
		for _, i := range b.HoleParams {
			p.int(int64(i))
		}
		p.ref(b)
	}
}

func (p *packer) cookie(c *Cookie) {
	p.uint(uint64(c.Framework))
	p.uint(uint64(c.Syntax))
	p.string(c.Type)
	for _, v := range c.attrs() {
		p.value(v)
	}
	p.bool(c.Session)
	p.int(int64(c.Param))
}

func (p *packer) json(j *JSONValue) {
	p.int(int64(j.Param))
	p.bool(j.Fixed)
	p.bool(j.Marshalled)
	p.uint(uint64(len(j.Cleared)))
	for _, c := range j.Cleared {
		p.strings(c)
	}
	p.uint(uint64(len(j.Slots)))
	for _, s := range j.Slots {
		p.strings(s.Steps)
		p.int(int64(s.Param))
		p.int(int64(s.Elem))
	}
	p.ref(j.typ)
	p.ref(j.helperTyp)
}

// unpacker reads what packer wrote. On data cut short or malformed it
// reads zeros and sets bad, rather than panic.
type unpacker struct {
	buf  []byte
	refs []any
	bad  bool
}

func (u *unpacker) uint() uint64 {
	x, n := binary.Uvarint(u.buf)
	if n <= 0 {
		u.bad, u.buf = true, nil
		return 0
	}
	u.buf = u.buf[n:]
	return x
}

// int reads what binary.AppendVarint wrote: a zig-zag encoded uvarint.
func (u *unpacker) int() int64 {
	ux := u.uint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

func (u *unpacker) uint8() uint8 { return uint8(u.uint()) }
func (u *unpacker) bool() bool   { return u.uint() != 0 }

// len reads a length, which cannot exceed what is left to read.
func (u *unpacker) len() int {
	n := u.uint()
	if n > uint64(len(u.buf)) {
		u.bad, u.buf = true, nil
		return 0
	}
	return int(n)
}

func (u *unpacker) string() string {
	n := u.len()
	s := string(u.buf[:n])
	u.buf = u.buf[n:]
	return s
}

func (u *unpacker) strings() []string {
	n := u.len()
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = u.string()
	}
	return ss
}

// ref returns what packer.ref referred to, or nil: a fact read back from
// the fact cache has no references.
func (u *unpacker) ref() any {
	i := u.uint()
	if i == 0 || i > uint64(len(u.refs)) {
		return nil
	}
	return u.refs[i-1]
}

func (u *unpacker) typ() types.Type {
	t, _ := u.ref().(types.Type)
	return t
}

func (u *unpacker) event() *Event {
	e := &Event{Kind: Kind(u.uint8()), Framework: Framework(u.uint8()), Header: u.string(), headerParam: int32(u.int())}
	e.Value = u.value()
	if u.bool() {
		f := u.value()
		e.File = &f
	}
	if u.bool() {
		e.Cookie = u.cookie()
	}
	e.Body, e.Identity = BodyKind(u.uint8()), Identity(u.uint8())
	if u.bool() {
		e.JSON = u.json()
	}
	e.Via = u.string()
	e.Stage, e.Before = Stage(u.uint8()), Stage(u.uint8())
	e.bodyTyp = u.typ()
	e.callEnd = Stage(u.uint8())
	return e
}

func (u *unpacker) value() Value {
	v := Value{State: State(u.uint8()), Bool: u.bool(), Param: int32(u.int()), Str: u.string(), Int: u.int(), Hint: u.string()}
	if u.bool() {
		b := &Built{Template: u.string()}
		if n := u.len(); n > 0 {
			b.HoleParams = make([]int, n)
			for i := range b.HoleParams {
				b.HoleParams[i] = int(u.int())
			}
		}
		if same, ok := u.ref().(*Built); ok {
			b = same
		}
		v.Built = b
	}
	return v
}

func (u *unpacker) cookie() *Cookie {
	c := &Cookie{Framework: Framework(u.uint8()), Syntax: Syntax(u.uint8()), Type: u.string()}
	for _, v := range c.attrs() {
		*v = u.value()
	}
	c.Session = u.bool()
	c.Param = int(u.int())
	return c
}

func (u *unpacker) json() *JSONValue {
	j := &JSONValue{Param: int(u.int()), Fixed: u.bool(), Marshalled: u.bool()}
	if n := u.len(); n > 0 {
		j.Cleared = make([][]string, n)
		for i := range j.Cleared {
			j.Cleared[i] = u.strings()
		}
	}
	if n := u.len(); n > 0 {
		j.Slots = make([]*JSONSlot, n)
		for i := range j.Slots {
			j.Slots[i] = &JSONSlot{Steps: u.strings(), Param: int(u.int()), Elem: int(u.int())}
		}
	}
	j.typ, j.helperTyp = u.typ(), u.typ()
	return j
}
