package respmodel

import (
	"encoding/binary"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/jsonvalue"
)

// A HelperFact lives until every package that imports its function's
// package has been analysed: in a module whose main package imports every
// handler package, to the end of the run. So it holds its events packed,
// in a few dozen bytes each where an Event struct takes hundreds and a
// Cookie more than a thousand.
// Each importing package unpacks a helper's events once (model.callee).
//
// The packed events hold nothing of the packing process: no syntax and no
// types, which the fact cache, go vet and analysistest's gob round trip
// cannot carry. A fact made in this run and one read from the cache then
// give callers the same events, and so the same findings, word for word.
//
// The encoding is a sequence of varints and length-prefixed strings, in
// the order of the fields below. It never leaves the process but through
// gob (the fact cache), with the packing executable, so it has no version.

// packer packs events.
type packer struct {
	buf []byte
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
		e.JSON.Pack(p)
	}
	p.string(e.Via)
	p.string(e.Reader)
	p.uint(uint64(e.Stage))
	p.uint(uint64(e.Before))
	p.uint(uint64(e.callEnd))
	p.bool(e.always)
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
		p.string(b.Template)
		p.uint(uint64(len(b.HoleParams)))
		for _, i := range b.HoleParams {
			p.int(int64(i))
		}
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

// unpacker reads what packer wrote. On data cut short or malformed it
// reads zeros and sets bad, rather than panic.
type unpacker struct {
	buf []byte
	bad bool
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

func (u *unpacker) event() *Event {
	e := &Event{Kind: Kind(u.uint8()), Framework: httpfw.Framework(u.uint8()), Header: u.string(), headerParam: int32(u.int())}
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
		e.JSON = jsonvalue.Unpack(u)
	}
	e.Via = u.string()
	e.Reader = u.string()
	e.Stage, e.Before = Stage(u.uint8()), Stage(u.uint8())
	e.callEnd = Stage(u.uint8())
	e.always = u.bool()
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
		v.Built = b
	}
	return v
}

func (u *unpacker) cookie() *Cookie {
	c := &Cookie{Framework: httpfw.Framework(u.uint8()), Syntax: Syntax(u.uint8()), Type: u.string()}
	for _, v := range c.attrs() {
		*v = u.value()
	}
	c.Session = u.bool()
	c.Param = int(u.int())
	return c
}

// Int, Bool, Uint and Strings make a packer a jsonvalue.Encoder.
func (p *packer) Int(x int64)        { p.int(x) }
func (p *packer) Bool(b bool)        { p.bool(b) }
func (p *packer) Uint(x uint64)      { p.uint(x) }
func (p *packer) Strings(s []string) { p.strings(s) }

// Int, Bool, Len and Strings make an unpacker a jsonvalue.Decoder.
func (u *unpacker) Int() int64        { return u.int() }
func (u *unpacker) Bool() bool        { return u.bool() }
func (u *unpacker) Len() int          { return u.len() }
func (u *unpacker) Strings() []string { return u.strings() }
