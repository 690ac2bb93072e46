package respmodel

import (
	"bytes"
	"encoding/gob"
	"go/ast"
	"go/types"
	"reflect"
	"testing"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/jsonvalue"
)

// sampleValue returns a Value with every field set, different for each
// seed.
func sampleValue(seed int, built *Built) Value {
	return Value{
		State: Unknown, Bool: true, Param: int32(seed), Str: "s", Int: int64(-seed - 1), Hint: "hint",
		Built: built, expr: ast.NewIdent("x"),
	}
}

// sampleEvent returns an event with every field set, and what a caller
// in another package should see of it: the same without its syntax and
// types.
func sampleEvent() (in, want *Event) {
	id := ast.NewIdent("x")
	call := &ast.CallExpr{Fun: id}
	built := &Built{Template: "a" + ParamHole + "b" + RawHole, HoleParams: []int{2}, root: id, parts: []Part{{Text: "a"}}}
	cookie := &Cookie{Framework: httpfw.Gin, Syntax: StructSyntax, Type: "http.Cookie", Session: true, Param: 3,
		Program: &ProgramStore{Pkg: "p", Name: "p.Store", Where: "p.go:1"},
		syn:     cookieSyntax{decl: id, sink: call, call: call, lit: &ast.CompositeLit{}, varID: id, header: &headerString{}, store: id, local: true}}
	for i, v := range cookie.attrs() {
		*v = sampleValue(10+i, built)
	}
	file := sampleValue(4, nil)
	str := types.Typ[types.String]
	in = &Event{
		Kind: SetCookie, Framework: httpfw.EchoV4, Header: "Set-Cookie", headerParam: 3, Value: sampleValue(1, built), File: &file, Cookie: cookie,
		Body: BodyJSON, Identity: IdentitySession,
		// jsonvalue's TestPack checks what of a JSON value is packed.
		JSON: &jsonvalue.Value{Param: 5, Fixed: true, Marshalled: true, Cleared: [][]string{{".Password"}, {"[i]", ".Token"}}, Echoed: true, Loaded: true,
			Slots: []*jsonvalue.Slot{{Steps: []string{".Data"}, Param: 1, Elem: 2, Called: true, Result: 1}}},
		Via: "pkg.Helper", Reader: "pkg.reader", Stage: Sent, Before: Done,
		call: call, node: call, generic: cookie, bodyTyp: str, callEnd: Done, always: true,
	}
	in.helper, in.sentBy, in.doneBy, in.lastBy, in.liveBy = in, in, in, in, in

	b := &Built{Template: built.Template, HoleParams: built.HoleParams}
	strip := func(v Value) Value {
		v.expr = nil
		if v.Built != nil {
			v.Built = b
		}
		return v
	}
	c := *cookie
	c.syn = cookieSyntax{}
	c.Program = nil // only package main's own events, never packed
	for _, v := range c.attrs() {
		*v = strip(*v)
	}
	f := strip(file)
	j := *in.JSON
	j.Echoed, j.Loaded = false, false // the caller's own decode decides
	want = &Event{
		Kind: in.Kind, Framework: in.Framework, Header: in.Header, headerParam: in.headerParam, Value: strip(in.Value), File: &f, Cookie: &c,
		Body: in.Body, Identity: in.Identity, JSON: &j, Via: in.Via, Reader: in.Reader, Stage: in.Stage, Before: in.Before,
		callEnd: in.callEnd, always: in.always,
	}
	return in, want
}

// TestSampleComplete makes sure the sample sets every field of the types
// a HelperFact packs: a field added to one of them fails here until the
// sample sets it, and then TestPack until it is packed (or, syntax,
// deliberately left out of want). jsonvalue's TestSampleComplete does
// the same for JSON values.
func TestSampleComplete(t *testing.T) {
	in, _ := sampleEvent()
	for _, v := range []any{in, &in.Value, in.Value.Built, in.Cookie, &in.Cookie.syn} {
		rv := reflect.ValueOf(v).Elem()
		for i := 0; i < rv.NumField(); i++ {
			if rv.Field(i).IsZero() {
				t.Errorf("%s.%s is not set by sampleEvent", rv.Type().Name(), rv.Type().Field(i).Name)
			}
		}
	}
}

func TestPack(t *testing.T) {
	in, want := sampleEvent()
	other := &Event{Kind: WriteStatus, Value: knownInt(404)}
	f := new(packer).helperFact([]*Event{in, other}, Sent)
	got := f.Events()
	if len(got) != 2 {
		t.Fatalf("Events() = %d events, want 2", len(got))
	}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("unpacked event differs:\ngot  %+v\nwant %+v", got[0], want)
	}
	if !reflect.DeepEqual(got[1], other) {
		t.Errorf("second event: got %+v, want %+v", got[1], other)
	}
	if f.String() != "helper(2 events)" || f.Exit != Sent {
		t.Errorf("fact %v, Exit %v", f, f.Exit)
	}
}

// TestPackGob checks that the fact cache keeps all of a HelperFact: a
// fact read from it gives the same events as the fact made in process.
func TestPackGob(t *testing.T) {
	in, want := sampleEvent()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(new(packer).helperFact([]*Event{in}, Done)); err != nil {
		t.Fatal(err)
	}
	var f HelperFact
	if err := gob.NewDecoder(&buf).Decode(&f); err != nil {
		t.Fatal(err)
	}
	got := f.Events()
	if len(got) != 1 {
		t.Fatalf("Events() = %d events, want 1", len(got))
	}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("after gob:\ngot  %+v\nwant %+v", got[0], want)
	}
}

// TestUnpackBad cuts a packed fact short at every length and flips each
// byte: Events must not panic, and gives nil rather than events made up,
// and Verify rejects what Events cannot unpack.
func TestUnpackBad(t *testing.T) {
	in, _ := sampleEvent()
	f := new(packer).helperFact([]*Event{in}, Sent)
	for n := range len(f.Packed) {
		cut := *f
		cut.Packed = f.Packed[:n]
		if got := cut.Events(); got != nil {
			t.Errorf("cut to %d bytes: got %d events, want nil", n, len(got))
		}
		if cut.Verify() == nil {
			t.Errorf("cut to %d bytes: Verify accepts it", n)
		}
	}
	for i := range f.Packed {
		bad := *f
		bad.Packed = bytes.Clone(f.Packed)
		bad.Packed[i] ^= 0xff
		bad.Events() // must not panic
	}
	if err := f.Verify(); err != nil {
		t.Errorf("Verify of an intact fact: %v", err)
	}
	long := *f
	long.Packed = append(bytes.Clone(f.Packed), 0)
	if got := long.Events(); got != nil {
		t.Errorf("with a byte left over: got %d events, want nil", len(got))
	}
	if long.Verify() == nil {
		t.Error("with a byte left over: Verify accepts it")
	}
	for _, n := range []int{-1, 1 << 40} { // a count no data can hold: no allocation of it
		bad := *f
		bad.N = n
		if got := bad.Events(); got != nil {
			t.Errorf("N = %d: got %d events, want nil", n, len(got))
		}
	}
}
