package jsonvalue

import (
	"go/types"

	"golang.org/x/tools/go/types/objectpath"
)

// FillsFact is exported for a function that puts values under the
// interface-typed fields of a value it returns (see returned.go), for
// its callers in other packages, which see neither its syntax nor the
// types behind the interfaces.
type FillsFact struct {
	Fills []Fill
}

// A Fill is a value a function puts under an interface-typed field of
// its result Result, on some path to a return.
type Fill struct {
	Result int
	// Steps lead from the result to the value: ".Data", `["users"]`.
	Steps []string
	// Param >= 0: the value is that parameter (Elem as in Slot), and a
	// call puts its argument there.
	Param, Elem int
	// Type is the value's type; Cleared lists the paths of the value
	// that are empty where it is put, as Value.Cleared does.
	Type    TypeRef
	Cleared [][]string

	typ types.Type // Type, resolved in the importing package
}

func (*FillsFact) AFact() {}

func (f *FillsFact) String() string { return "fills results" }

// A TypeRef names a type built from a named type by pointers, slices
// and maps: Ops, outermost first ('*' a pointer, '[' a slice or array,
// 'm' a map with string keys, all the same to encoding/json), applied to
// the type named Path in package Pkg.
type TypeRef struct {
	Pkg  string
	Path objectpath.Path
	Ops  string
}

// typeRef names t, if it is built so from a named type that is not an
// interface (whose values say nothing statically) nor an instance.
func (m *Model) typeRef(t types.Type) (TypeRef, bool) {
	var ops []byte
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			ops, t = append(ops, '*'), u.Elem()
		case *types.Slice:
			ops, t = append(ops, '['), u.Elem()
		case *types.Array:
			ops, t = append(ops, '['), u.Elem()
		case *types.Map:
			ops, t = append(ops, 'm'), u.Elem()
		case *types.Named:
			obj := u.Obj()
			if obj.Pkg() == nil || u.TypeArgs().Len() > 0 || types.IsInterface(u) {
				return TypeRef{}, false
			}
			p, err := m.encoder.For(obj)
			if err != nil {
				return TypeRef{}, false
			}
			return TypeRef{Pkg: obj.Pkg().Path(), Path: p, Ops: string(ops)}, true
		default:
			return TypeRef{}, false
		}
	}
	return TypeRef{}, false
}

// resolveType returns the type ref names, seen from package from (the
// package of the function whose fact holds it), or nil.
func (m *Model) resolveType(ref TypeRef, from *types.Package) types.Type {
	pkg := findPackage(ref.Pkg, from, make(map[*types.Package]bool))
	if pkg == nil {
		return nil
	}
	obj, err := objectpath.Object(pkg, ref.Path)
	tn, ok := obj.(*types.TypeName)
	if err != nil || !ok {
		return nil
	}
	t := tn.Type()
	for i := len(ref.Ops) - 1; i >= 0; i-- {
		switch ref.Ops[i] {
		case '*':
			t = types.NewPointer(t)
		case '[':
			t = types.NewSlice(t)
		case 'm':
			t = types.NewMap(types.Typ[types.String], t)
		default:
			return nil
		}
	}
	return t
}

// findPackage returns the package with the given path among p and its
// dependencies, or nil.
func findPackage(path string, p *types.Package, seen map[*types.Package]bool) *types.Package {
	if p.Path() == path {
		return p
	}
	seen[p] = true
	for _, q := range p.Imports() {
		if !seen[q] {
			if found := findPackage(path, q, seen); found != nil {
				return found
			}
		}
	}
	return nil
}

// importedFills returns the fills of fn's FillsFact with their types
// resolved; those whose types do not resolve are left out.
func (m *Model) importedFills(fn *types.Func) []Fill {
	if fills, ok := m.imported[fn]; ok {
		return fills
	}
	var fact FillsFact
	var out []Fill
	if fn.Pkg() != m.pass.Pkg && m.pass.ImportObjectFact(fn, &fact) {
		for _, f := range fact.Fills {
			if f.Param < 0 {
				if f.typ = m.resolveType(f.Type, fn.Pkg()); f.typ == nil {
					continue
				}
			}
			out = append(out, f)
		}
	}
	m.imported[fn] = out
	return out
}

// exportFills exports the FillsFact of fn, if it puts anything.
func (m *Model) exportFills(fn *types.Func) {
	if fills := m.fills(fn); len(fills) > 0 {
		m.pass.ExportObjectFact(fn, &FillsFact{Fills: fills})
	}
}
