package jsonvalue

import (
	"go/ast"
	"go/types"
	"reflect"
	"testing"
)

// sampleValue returns a JSON value with every field set, and what the
// callers of a helper in another package should see of it: the same
// without its syntax and types, and neither Echoed nor Loaded.
func sampleValue() (in, want *Value) {
	id := ast.NewIdent("x")
	str := types.Typ[types.String]
	in = &Value{Param: 5, Fixed: true, Marshalled: true, Cleared: [][]string{{".Password"}, {"[i]", ".Token"}}, Echoed: true, Loaded: true,
		Slots: []*Slot{{Steps: []string{".Data"}, Param: 1, Elem: 2, Called: true, Result: 3, value: &Value{}}},
		typ:   str, expr: id, helperTyp: types.NewPointer(str), blanked: map[*ast.Ident][][]string{id: nil},
		assigned: []Assigned{{Steps: []string{".Data"}, Expr: id}}}
	want = &Value{Param: in.Param, Fixed: in.Fixed, Marshalled: in.Marshalled, Cleared: in.Cleared,
		Slots: []*Slot{{Steps: []string{".Data"}, Param: 1, Elem: 2, Called: true, Result: 3}}}
	return in, want
}

// TestSampleComplete makes sure the sample sets every field of Value and
// Slot: a field added to one of them fails here until the sample sets
// it, and then TestPack until it is packed (or deliberately left out of
// want).
func TestSampleComplete(t *testing.T) {
	in, _ := sampleValue()
	for _, v := range []any{in, in.Slots[0]} {
		rv := reflect.ValueOf(v).Elem()
		for i := 0; i < rv.NumField(); i++ {
			if rv.Field(i).IsZero() {
				t.Errorf("%s.%s is not set by sampleValue", rv.Type().Name(), rv.Type().Field(i).Name)
			}
		}
	}
}

// queue is an Encoder and a Decoder that keeps the parts in memory.
type queue struct {
	parts []any
	bad   bool
}

func (q *queue) Int(x int64)        { q.parts = append(q.parts, x) }
func (q *queue) Bool(b bool)        { q.parts = append(q.parts, b) }
func (q *queue) Uint(x uint64)      { q.parts = append(q.parts, x) }
func (q *queue) Strings(s []string) { q.parts = append(q.parts, s) }

func next[T any](q *queue) T {
	var zero T
	if len(q.parts) == 0 {
		q.bad = true
		return zero
	}
	v, ok := q.parts[0].(T)
	q.parts = q.parts[1:]
	if !ok {
		q.bad = true
	}
	return v
}

func (q *queue) decoder() Decoder { return (*dequeue)(q) }

type dequeue queue

func (d *dequeue) Int() int64        { return next[int64]((*queue)(d)) }
func (d *dequeue) Bool() bool        { return next[bool]((*queue)(d)) }
func (d *dequeue) Len() int          { return int(next[uint64]((*queue)(d))) }
func (d *dequeue) Strings() []string { return next[[]string]((*queue)(d)) }

func TestPack(t *testing.T) {
	in, want := sampleValue()
	q := new(queue)
	in.Pack(q)
	got := Unpack(q.decoder())
	if q.bad || len(q.parts) > 0 {
		t.Fatalf("Unpack read the parts out of order, or left %d", len(q.parts))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("unpacked value differs:\ngot  %+v\nwant %+v", got, want)
	}
}
