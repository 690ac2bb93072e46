//lint:file-ignore SA5008 malformed json tags are among the cases on purpose
//lint:file-ignore U1000 unexported fields and types are among the cases on purpose

package jsontype_test

// The types below are both compiled into the test, where encoding/json
// marshals them, and type-checked from this file's source, where the
// package predicts what encoding/json writes. They use no imports, so
// that the source type-checks on its own.

type Plain struct {
	Name     string
	Age      int
	Admin    bool
	Score    float64
	Raw      []byte
	private  string
	Tagged   string `json:"tagged_name"`
	Dropped  string `json:"-"`
	Dash     string `json:"-,"`
	Omitted  string `json:",omitempty"`
	Invalid  string `json:"bad\"name"`
	Punct    string `json:"a.b-c"`
	Any      any
	Nums     [2]int
	Matrix   [][]string
	ByName   map[string]int
	Ptr      *int
	PtrPtr   **string
	Children []Leaf
}

type Leaf struct {
	Value string `json:"value"`
}

// Embedding and promotion.

type Base struct {
	ID      int
	Created string `json:"created"`
	Shadow  string
}

type base struct {
	Hidden string
	Note   string `json:"note"`
}

type Embeds struct {
	Base
	*base
	Shadow string
	Own    string
}

type Name string

type name string

type EmbedsScalars struct {
	Name
	name
	Leaf `json:"leaf"`
}

// Conflicts: two untagged fields at one depth cancel out; a tagged field
// beats an untagged one at the same depth; the shallower field wins.

type Left struct {
	X string
	Y string `json:"Y"`
	Z string
}

type Right struct {
	X string
	Y string
	Z string `json:"Z"`
}

type Conflict struct {
	Left
	Right
}

type Deep struct{ Left }

type Shallow struct {
	Deep
	Right
}

// The same embedded type reached twice at one depth.

type Inner struct{ Twice string }

type ViaA struct{ Inner }

type ViaB struct{ Inner }

type Diamond struct {
	ViaA
	ViaB
}

// Methods that take over.

type Opaque struct{ Secret string }

func (Opaque) MarshalJSON() ([]byte, error) { return []byte(`"M"`), nil }

type PtrOpaque struct{ Secret string }

func (*PtrOpaque) MarshalJSON() ([]byte, error) { return []byte(`"M"`), nil }

type Text struct{ Secret string }

func (Text) MarshalText() ([]byte, error) { return []byte("T"), nil }

type PtrText struct{ Secret string }

func (*PtrText) MarshalText() ([]byte, error) { return []byte("T"), nil }

type Holder struct {
	Value    PtrOpaque
	Pointer  *PtrOpaque
	List     []PtrOpaque
	Array    [1]PtrOpaque
	ByKey    map[string]PtrOpaque
	Text     PtrText
	Direct   Opaque
	Texts    []Text
	Promoted EmbedsOpaque
}

// An embedded Marshaler is promoted: the outer type marshals as it does.
type EmbedsOpaque struct {
	Opaque
	Secret string
}

type Byte uint8

func (Byte) MarshalJSON() ([]byte, error) { return []byte(`"B"`), nil }

type Bytes struct {
	Plain  []byte
	Custom []Byte
}

// Recursion through pointers, slices and maps.

type Node struct {
	Value    string
	Next     *Node
	Children []Node
	ByName   map[string]*Node
}

type Tree struct {
	*Tree
	Label string
}

// Generics.

type Page[T any] struct {
	Items []T
	Total int
	Meta  T `json:"meta"`
}

type Wrapped struct {
	Users Page[Leaf]
}
