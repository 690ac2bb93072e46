package jsontype_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unsafe"

	"github.com/resplint/resplint/analyzers/internal/jsontype"
)

// roots are marshalled as values and as pointers: only pointers (and what
// they reach) are addressable, which decides whether methods on *T count.
var roots = []any{
	Plain{}, Embeds{}, EmbedsScalars{}, Conflict{}, Shallow{}, Diamond{},
	Opaque{}, PtrOpaque{}, Text{}, PtrText{}, Holder{}, EmbedsOpaque{},
	Bytes{}, Node{}, Tree{}, Wrapped{}, Page[PtrOpaque]{},
}

// TestAgainstEncodingJSON fills every field of each root with a non-zero
// value, marshals it with encoding/json and compares the paths of the
// values written with those the package predicts from the source.
func TestAgainstEncodingJSON(t *testing.T) {
	scope := typeCheck(t)
	for _, root := range roots {
		for _, ptr := range []bool{false, true} {
			rt := reflect.TypeOf(root)
			v := reflect.New(rt)
			fill(v.Elem(), nil)
			var x any = v.Elem().Interface()
			if ptr {
				x = v.Interface()
			}
			b, err := json.Marshal(x)
			if err != nil {
				t.Fatal(err)
			}
			var decoded any
			if err := json.Unmarshal(b, &decoded); err != nil {
				t.Fatal(err)
			}
			var got []string
			dynamicPaths(decoded, "", &got)

			st := staticType(t, scope, rt)
			if ptr {
				st = types.NewPointer(st)
			}
			var want []string
			staticPaths(st, false, "", nil, &want)

			sort.Strings(got)
			sort.Strings(want)
			got, want = slices.Compact(got), slices.Compact(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s (pointer %v): encoding/json wrote %s\n\tpredicted %v\n\tactual    %v", rt, ptr, b, want, got)
			}
		}
	}
}

// typeCheck type-checks cases_test.go on its own.
func typeCheck(t *testing.T) *types.Scope {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cases_test.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("cases", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg.Scope()
}

// staticType finds the go/types type of a runtime type of cases_test.go.
func staticType(t *testing.T, scope *types.Scope, rt reflect.Type) types.Type {
	name, args, generic := strings.Cut(rt.Name(), "[")
	obj, ok := scope.Lookup(name).(*types.TypeName)
	if !ok {
		t.Fatalf("no type %s in cases_test.go", name)
	}
	if !generic {
		return obj.Type()
	}
	arg := args[strings.LastIndex(args, ".")+1 : len(args)-1]
	inst, err := types.Instantiate(nil, obj.Type(), []types.Type{scope.Lookup(arg).Type()}, true)
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// fill gives every field, element and map entry a non-zero value, leaving
// a pointer, slice or map nil or empty where it would recurse into a type
// already being filled: staticPaths stops at the same places.
func fill(v reflect.Value, stack []reflect.Type) {
	if slices.Contains(stack, v.Type()) && v.Kind() != reflect.Struct {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("s")
	case reflect.Int, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint8:
		v.SetUint(1)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Pointer:
		if recursive(v.Type().Elem(), stack) {
			return
		}
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), append(stack, v.Type()))
		v.Set(p)
	case reflect.Slice:
		if recursive(v.Type().Elem(), stack) {
			return
		}
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0), append(stack, v.Type()))
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), stack)
		}
	case reflect.Map:
		if recursive(v.Type().Elem(), stack) {
			return
		}
		m := reflect.MakeMap(v.Type())
		e := reflect.New(v.Type().Elem()).Elem()
		fill(e, append(stack, v.Type()))
		m.SetMapIndex(reflect.ValueOf("k"), e)
		v.Set(m)
	case reflect.Struct:
		stack = append(stack, v.Type())
		for i := range v.NumField() {
			f := v.Field(i)
			if !f.CanSet() {
				f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
			}
			fill(f, stack)
		}
	}
}

// recursive reports whether filling a value of type t would meet a
// struct type already being filled.
func recursive(t reflect.Type, stack []reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && slices.Contains(stack, t)
}

// dynamicPaths lists the paths of the scalar values in decoded JSON:
// ".key" for object members, "[]" for array elements.
func dynamicPaths(v any, path string, out *[]string) {
	switch v := v.(type) {
	case map[string]any:
		if len(v) == 0 {
			*out = append(*out, path)
		}
		for k, e := range v {
			dynamicPaths(e, path+"."+k, out)
		}
	case []any:
		if len(v) == 0 {
			*out = append(*out, path)
		}
		for _, e := range v {
			dynamicPaths(e, path+"[]", out)
		}
	default:
		*out = append(*out, path)
	}
}

// staticPaths predicts dynamicPaths from the type, stopping where fill
// stops.
func staticPaths(t types.Type, addressable bool, path string, stack []types.Type, out *[]string) {
	switch new(jsontype.Methods).EncodingOf(t, addressable) {
	case jsontype.Struct:
		fields := jsontype.Fields(t)
		if len(fields) == 0 {
			*out = append(*out, path)
		}
		stack = append(stack, t)
		for _, f := range fields {
			staticPaths(f.Var().Type(), addressable, path+"."+f.Name, stack, out)
		}
	case jsontype.Pointer, jsontype.Elements, jsontype.Map:
		elem, addr := jsontype.Elem(t, addressable)
		if recursiveType(elem, stack) {
			*out = append(*out, path)
			return
		}
		switch t.Underlying().(type) {
		case *types.Slice, *types.Array:
			path += "[]"
		case *types.Map:
			path += ".k"
		}
		staticPaths(elem, addr, path, stack, out)
	default:
		*out = append(*out, path)
	}
}

func recursiveType(t types.Type, stack []types.Type) bool {
	for {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Map:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		}
		break
	}
	return slices.ContainsFunc(stack, func(s types.Type) bool { return types.Identical(s, t) })
}
