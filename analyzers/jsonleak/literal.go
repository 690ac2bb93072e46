package jsonleak

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/jsontype"
)

// maxLiteralDepth bounds how deep exprLeaks follows nested literals.
const maxLiteralDepth = 6

// exprLeaks returns the leaks of serialising e: those of its static type
// and, where e is a composite literal, those of the values it puts where
// the type does not say what goes (interface-typed fields, elements and
// map values, as in gin.H{"user": u}), and its map entries with a secret
// key or a value read from a secret field.
func (r *run) exprLeaks(e ast.Expr, steps []string, depth int) []*leak {
	e = ast.Unparen(e)
	info := r.pass.TypesInfo
	out := prefixed(steps, r.walk.leaks(node{info.TypeOf(e), false}))
	lit, ok := e.(*ast.CompositeLit)
	if u, isAddr := e.(*ast.UnaryExpr); isAddr && u.Op == token.AND {
		lit, ok = ast.Unparen(u.X).(*ast.CompositeLit)
	}
	if !ok || depth >= maxLiteralDepth {
		return out
	}
	t := info.TypeOf(lit)
	if t == nil {
		return out
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, _ := constString(info, kv.Key)
			step := fmt.Sprintf("[%q]", key)
			if l := r.entryLeak(kv, key); l != nil {
				l.prefix = append(slices.Clip(steps), step)
				out = append(out, l)
			} else if types.IsInterface(u.Elem()) {
				out = append(out, r.exprLeaks(kv.Value, append(slices.Clip(steps), step), depth+1)...)
			}
		}
	case *types.Struct:
		written := jsontype.Fields(t)
		for i, elt := range lit.Elts {
			value, field := elt, (*types.Var)(nil)
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				value = kv.Value
				if id, ok := kv.Key.(*ast.Ident); ok {
					field, _ = info.Uses[id].(*types.Var)
				}
			} else if i < u.NumFields() {
				field = u.Field(i)
			}
			if field == nil || !types.IsInterface(field.Type()) {
				continue
			}
			if slices.ContainsFunc(written, func(f jsontype.Field) bool { return len(f.Path) == 1 && f.Var() == field }) {
				out = append(out, r.exprLeaks(value, append(slices.Clip(steps), "."+field.Name()), depth+1)...)
			}
		}
	case *types.Slice, *types.Array:
		elem, _ := jsontype.Elem(t, false)
		if types.IsInterface(elem) {
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				out = append(out, r.exprLeaks(elt, append(slices.Clip(steps), "[i]"), depth+1)...)
			}
		}
	}
	return out
}

// prefixed returns leaks with steps put in front of their paths.
func prefixed(steps []string, leaks []*leak) []*leak {
	if len(steps) == 0 {
		return leaks
	}
	out := make([]*leak, len(leaks))
	for i, l := range leaks {
		c := *l
		c.prefix = append(slices.Clip(steps), l.prefix...)
		out[i] = &c
	}
	return out
}

// entryLeak reports a map literal entry that writes stored secret data:
// a value read from a struct field under a secret key
// (gin.H{"password_hash": u.PasswordHash}), or from a secret field under
// any key (gin.H{"hash": u.PasswordHash}). A value computed in the
// handler is not: a new 2FA secret or a generated password shown once to
// its owner is sent on purpose, as is a login handler's token.
func (r *run) entryLeak(kv *ast.KeyValueExpr, key string) *leak {
	info := r.pass.TypesInfo
	if tv, ok := info.Types[kv.Value]; !ok || tv.Value != nil || tv.IsNil() || !carries(&r.walk.methods, tv.Type, false) {
		return nil
	}
	f, name := r.fieldRead(kv.Value)
	switch {
	case f == nil:
		return nil
	case key != "" && r.c.secrets.MatchString(snake(key)):
		return &leak{kind: secretKind, key: key, entry: kv}
	case r.c.secrets.MatchString(snake(f.Name())) || r.c.secrets.MatchString(snake(name)):
		return &leak{kind: secretKind, key: key, field: f, entry: kv}
	}
	return nil
}

// fieldRead returns the struct field e reads, through conversions and
// dereferences, and the field's json name, if e is a field selection.
func (r *run) fieldRead(e ast.Expr) (*types.Var, string) {
	info := r.pass.TypesInfo
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.CallExpr:
			if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0]
				continue
			}
		case *ast.SelectorExpr:
			sel, ok := info.Selections[x]
			if !ok || sel.Kind() != types.FieldVal {
				return nil, ""
			}
			v := sel.Obj().(*types.Var)
			return v, jsonName(sel.Recv(), sel.Index())
		}
		return nil, ""
	}
}

// jsonName returns the name in the json tag of the field that index
// selects from recv, or "".
func jsonName(recv types.Type, index []int) string {
	t := recv
	for n, i := range index {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return ""
		}
		if n == len(index)-1 {
			name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
			return name
		}
		t = st.Field(i).Type()
	}
	return ""
}

// constString returns the value of a constant string expression.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
