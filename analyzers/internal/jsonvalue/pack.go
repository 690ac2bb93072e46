package jsonvalue

// An Encoder takes the parts of a value packed into a fact: respmodel's
// HelperFact packs a helper's events, JSON values among them, in a format
// of its own.
type Encoder interface {
	Int(int64)
	Bool(bool)
	Uint(uint64)
	Strings([]string)
}

// A Decoder gives back what an Encoder took, in the same order. On data
// cut short or malformed it gives zeros, and remembers the fault.
type Decoder interface {
	Int() int64
	Bool() bool
	// Len reads a length, no more than the data left could hold.
	Len() int
	Strings() []string
}

// Pack writes what the callers of a helper in other packages see of v:
// its exported fields but Echoed and Loaded (their own decode decides),
// without
// its syntax and types.
func (v *Value) Pack(e Encoder) {
	e.Int(int64(v.Param))
	e.Bool(v.Fixed)
	e.Bool(v.Marshalled)
	e.Uint(uint64(len(v.Cleared)))
	for _, c := range v.Cleared {
		e.Strings(c)
	}
	e.Uint(uint64(len(v.Slots)))
	for _, s := range v.Slots {
		e.Strings(s.Steps)
		e.Int(int64(s.Param))
		e.Int(int64(s.Elem))
		e.Bool(s.Called)
		e.Int(int64(s.Result))
	}
}

// Unpack reads a value Pack wrote.
func Unpack(d Decoder) *Value {
	v := &Value{Param: int(d.Int()), Fixed: d.Bool(), Marshalled: d.Bool()}
	if n := d.Len(); n > 0 {
		v.Cleared = make([][]string, n)
		for i := range v.Cleared {
			v.Cleared[i] = d.Strings()
		}
	}
	if n := d.Len(); n > 0 {
		v.Slots = make([]*Slot, n)
		for i := range v.Slots {
			v.Slots[i] = &Slot{Steps: d.Strings(), Param: int(d.Int()), Elem: int(d.Int()), Called: d.Bool(), Result: int(d.Int())}
		}
	}
	return v
}
