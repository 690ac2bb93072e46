// Package jsontype says, from static types, what encoding/json writes for
// a value: which struct fields become which object keys, and where the
// encoder hands over to a type's own MarshalJSON or MarshalText. It
// follows encoding/json's encode.go (Go 1.26): typeFields for fields and
// newTypeEncoder for the choice of encoder.
package jsontype

import (
	"cmp"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"unicode"
)

// A Field is a struct field that encoding/json writes.
type Field struct {
	// Name is the object key: the json tag's name, or the Go name.
	Name string
	// Path is the field and the embedded fields it is promoted through,
	// outermost first.
	Path []*types.Var
	// Tagged: the name comes from a json tag.
	Tagged bool
	// OmitEmpty: the tag says omitempty or omitzero. The field is still
	// written whenever it is not empty.
	OmitEmpty bool

	index []int
}

// Var returns the field itself (the last of Path).
func (f *Field) Var() *types.Var { return f.Path[len(f.Path)-1] }

// Fields returns the fields encoding/json writes for a value of type t,
// whose underlying type is a struct, in field order, as typeFields computes them: exported fields
// and the fields of embedded structs (exported or not) promoted by Go's
// rules, except that a tagged field wins over an untagged one at the same
// depth; a name that stays ambiguous is dropped; json:"-" drops a field.
func Fields(t types.Type) []Field {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	type queued struct {
		st    *types.Struct
		typ   types.Type // for the visited check
		index []int
		path  []*types.Var
	}
	var fields []Field
	next := []queued{{st: st, typ: t}}
	var count, nextCount map[types.Type]int
	var visited []types.Type
	for len(next) > 0 {
		current := next
		next = nil
		count, nextCount = nextCount, make(map[types.Type]int)
		for _, q := range current {
			if slices.ContainsFunc(visited, func(t types.Type) bool { return types.Identical(t, q.typ) }) {
				continue
			}
			visited = append(visited, q.typ)
			for i := 0; i < q.st.NumFields(); i++ {
				sf := q.st.Field(i)
				if sf.Embedded() {
					t := sf.Type()
					if p, ok := types.Unalias(t).(*types.Pointer); ok {
						t = p.Elem()
					}
					if !sf.Exported() && !isStruct(t) {
						continue
					}
				} else if !sf.Exported() {
					continue
				}
				tag := reflect.StructTag(q.st.Tag(i)).Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !isValidTag(name) {
					name = ""
				}
				index := append(slices.Clip(q.index), i)
				path := append(slices.Clip(q.path), sf)
				ft := sf.Type()
				if p, ok := types.Unalias(ft).(*types.Pointer); ok {
					ft = p.Elem() // an unnamed pointer is followed
				}
				if name != "" || !sf.Embedded() || !isStruct(ft) {
					f := Field{
						Name:      cmp.Or(name, sf.Name()),
						Path:      path,
						Tagged:    name != "",
						OmitEmpty: hasOption(opts, "omitempty") || hasOption(opts, "omitzero"),
						index:     index,
					}
					fields = append(fields, f)
					if countOf(count, q.typ) > 1 {
						// The same embedded type twice at one depth:
						// a duplicate makes the name ambiguous below.
						fields = append(fields, f)
					}
					continue
				}
				if n := bump(nextCount, ft); n == 1 {
					next = append(next, queued{st: ft.Underlying().(*types.Struct), typ: ft, index: index, path: path})
				}
			}
		}
	}

	slices.SortFunc(fields, func(a, b Field) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.Tagged != b.Tagged {
			if a.Tagged {
				return -1
			}
			return +1
		}
		return slices.Compare(a.index, b.index)
	})
	out := fields[:0]
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].Name == fields[i].Name {
			j++
		}
		// The first of a group dominates unless the second is as shallow
		// and as tagged: then Go's rules make the name ambiguous.
		if j-i == 1 || len(fields[i].index) != len(fields[i+1].index) || fields[i].Tagged != fields[i+1].Tagged {
			out = append(out, fields[i])
		}
		i = j
	}
	slices.SortFunc(out, func(a, b Field) int { return slices.Compare(a.index, b.index) })
	return out
}

// countOf and bump index counts by type identity, since instances of a
// generic type need not be one *types.Named.
func countOf(m map[types.Type]int, t types.Type) int {
	for k, n := range m {
		if types.Identical(k, t) {
			return n
		}
	}
	return 0
}

func bump(m map[types.Type]int, t types.Type) int {
	for k := range m {
		if types.Identical(k, t) {
			m[k]++
			return m[k]
		}
	}
	m[t] = 1
	return 1
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// isValidTag is encoding/json's rule for names in tags.
func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

func hasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// Encoding is how encoding/json writes a value of some type.
type Encoding uint8

const (
	// Unsupported: Marshal fails (channels, functions, complex numbers,
	// maps with other keys), so nothing is written.
	Unsupported Encoding = iota
	// Marshaler: the type's MarshalJSON or MarshalText decides.
	Marshaler
	// Scalar: a boolean, number, string or []byte.
	Scalar
	// Dynamic: an interface or type parameter; the static type does not
	// say what is written.
	Dynamic
	Struct
	// Pointer: the element, or null.
	Pointer
	// Elements: a slice or array, written as an array of its elements.
	Elements
	// Map: an object of the map's values.
	Map
)

// Methods answers questions about types' methods. Its zero value is ready
// to use; it is not safe for concurrent use.
type Methods struct{}

// EncodingOf returns how encoding/json writes a value of type t.
// addressable says whether the value is addressable where the encoder
// meets it: then methods of *t count too. Top-level values and map values
// are not; slice elements and values behind pointers are, and struct
// fields and array elements are when their container is.
func (m *Methods) EncodingOf(t types.Type, addressable bool) Encoding {
	t = types.Unalias(t)
	if _, ok := t.(*types.TypeParam); ok {
		return Dynamic
	}
	if m.HasMarshaler(t, addressable) {
		return Marshaler
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&(types.IsBoolean|types.IsInteger|types.IsFloat|types.IsString) != 0:
			return Scalar
		}
		return Unsupported
	case *types.Interface:
		return Dynamic
	case *types.Struct:
		return Struct
	case *types.Pointer:
		return Pointer
	case *types.Slice:
		if isByte(u.Elem()) && !m.HasMarshaler(u.Elem(), true) {
			return Scalar // base64
		}
		return Elements
	case *types.Array:
		return Elements
	case *types.Map:
		if !m.validKey(u.Key()) {
			return Unsupported
		}
		return Map
	}
	return Unsupported
}

// Elem returns the type of the values a Pointer, Elements or Map encoding
// writes, and whether they are addressable.
func Elem(t types.Type, addressable bool) (types.Type, bool) {
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return u.Elem(), true
	case *types.Slice:
		return u.Elem(), true
	case *types.Array:
		return u.Elem(), addressable
	case *types.Map:
		return u.Elem(), false
	}
	return nil, false
}

// HasMarshaler reports whether encoding/json hands a value of type t to
// its MarshalJSON or MarshalText method: t has one, or t is addressable
// and *t has one.
func (m *Methods) HasMarshaler(t types.Type, addressable bool) bool {
	if m.has(t, "MarshalJSON") || m.has(t, "MarshalText") {
		return true
	}
	if _, ok := t.Underlying().(*types.Pointer); ok || !addressable {
		return false
	}
	p := types.NewPointer(t)
	return m.has(p, "MarshalJSON") || m.has(p, "MarshalText")
}

// JSONMarshaler reports whether encoding/json hands a value of type t to
// its MarshalJSON method (rather than MarshalText, or no method).
func (m *Methods) JSONMarshaler(t types.Type, addressable bool) bool {
	if m.has(t, "MarshalJSON") {
		return true
	}
	if _, ok := t.Underlying().(*types.Pointer); ok || !addressable {
		return false
	}
	return m.has(types.NewPointer(t), "MarshalJSON")
}

// PointerMarshaler reports whether *t has a MarshalJSON or MarshalText
// method that t lacks: encoding/json skips it for values of t that are
// not addressable, such as the value passed to Marshal.
func (m *Methods) PointerMarshaler(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Pointer); ok || types.IsInterface(t) {
		return false
	}
	return !m.HasMarshaler(t, false) && m.HasMarshaler(t, true)
}

// has reports whether t's method set has a method name() ([]byte, error).
func (m *Methods) has(t types.Type, name string) bool {
	if types.IsInterface(t) || !mayHaveMethods(t) {
		return false
	}
	// In t's method set: found without a pointer t does not have. (A
	// lookup by name costs far less than building the whole method set,
	// which time.Time and the like would have built in every package.)
	fn, ok := lookupMethod(t, name)
	if !ok {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 2 {
		return false
	}
	s, ok := sig.Results().At(0).Type().Underlying().(*types.Slice)
	return ok && isByte(s.Elem()) && isError(sig.Results().At(1).Type())
}

func isByte(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Uint8
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// validKey is newMapEncoder's rule: string and integer keys, or keys that
// implement encoding.TextMarshaler.
func (m *Methods) validKey(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&(types.IsString|types.IsInteger) != 0 {
		return true
	}
	return m.has(t, "MarshalText")
}

// lookupMethod returns the method of t's method set with the given
// exported name.
func lookupMethod(t types.Type, name string) (*types.Func, bool) {
	obj, _, _ := types.LookupFieldOrMethod(t, false, nil, name)
	fn, ok := obj.(*types.Func)
	return fn, ok
}

// mayHaveMethods reports whether t can have methods: a named type, a
// pointer to one, or a struct (or pointer to one) with embedded fields,
// which promote theirs. Most fields are strings and numbers; asking their
// method sets would build one each time (typeutil.MethodSetCache caches
// only named types').
func mayHaveMethods(t types.Type) bool {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	switch t := t.(type) {
	case *types.Named, *types.TypeParam:
		return true
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if t.Field(i).Embedded() {
				return true
			}
		}
	}
	return false
}
