package jsonleak

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/jsontype"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// maxLiteralDepth bounds how deep exprLeaks follows nested literals.
const maxLiteralDepth = 6

// exprLeaks returns the leaks of serialising e: those of its static type
// or, where e is a composite literal, those of what the literal holds.
// A struct literal writes only the fields it sets (the others are zero),
// and a secret field only leaks when it is set from stored data (a field
// read): a response built to hand a new secret to its owner sets it from
// a value computed in the handler. The values a literal puts in
// interface-typed fields, elements and map values (gin.H{"user": u}) are
// followed, and map entries are checked as entryLeak says.
func (r *run) exprLeaks(e ast.Expr, steps []string, depth int) []*leak {
	e = ast.Unparen(e)
	info := r.pass.TypesInfo
	lit, addr := respmodel.CompositeLit(e)
	if lit == nil || depth >= maxLiteralDepth {
		leaks := r.walk.leaks(node{info.TypeOf(e), false})
		if id, ok := e.(*ast.Ident); ok && depth > 0 {
			leaks = r.withoutBlanked(leaks, info.TypeOf(e), r.value.Blanked(id))
		}
		return prefixed(steps, leaks)
	}
	t := info.TypeOf(lit)
	if t == nil {
		return nil
	}
	if st, ok := t.Underlying().(*types.Struct); ok {
		return r.structLeaks(lit, t, st, addr, steps, depth)
	}
	out := prefixed(steps, r.walk.leaks(node{info.TypeOf(e), false}))
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

// structLeaks returns the leaks of a struct literal of type t.
func (r *run) structLeaks(lit *ast.CompositeLit, t types.Type, st *types.Struct, addr bool, steps []string, depth int) []*leak {
	n := node{t, addr}
	if r.walk.encoding(r.walk.vertex(n)) != jsontype.Struct {
		return nil // its MarshalJSON decides
	}
	set := make(map[*types.Var]ast.Expr)
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := r.pass.TypesInfo.Uses[id].(*types.Var); ok {
					set[f] = kv.Value
				}
			}
		} else if i < st.NumFields() {
			set[st.Field(i)] = elt
		}
	}
	skipped := r.walk.skippedMarshaler(r.walk.vertex(n))
	var out []*leak
	for _, f := range jsontype.Fields(t) {
		value, ok := set[f.Path[0]]
		if !ok {
			continue
		}
		fv := f.Var()
		fsteps := append(slices.Clip(steps), "."+fv.Name())
		var found []*leak
		k, decodable := r.walk.classify(n, &f)
		if decodable && r.walk.decoded(fv) {
			k = 0
		}
		switch {
		case k != 0:
			// Promoted through an embedded value, the field holds
			// whatever that value holds: stored data.
			if len(f.Path) > 1 || r.storedRead(value) {
				found = []*leak{{kind: k, field: fv, key: f.Name, decl: declaring(t, &f), prefix: fsteps}}
			}
		case len(f.Path) == 1:
			found = r.exprLeaks(value, fsteps, depth+1)
		default:
			found = prefixed(fsteps, r.walk.leaks(node{fv.Type(), addr}))
		}
		for _, l := range found {
			if skipped != nil && l.skipped == nil {
				c := *l
				c.skipped = skipped
				l = &c
			}
			out = append(out, l)
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
		if c.orig == nil {
			c.orig = l
		}
		out[i] = &c
	}
	return out
}

// entryLeak reports a map literal entry that writes stored secret data:
// a value read from a struct field under a secret key
// (gin.H{"password_hash": u.PasswordHash}), or from a secret field under
// any key (gin.H{"hash": u.PasswordHash}); a password or secret counts
// when read from an account. A value computed in the handler is not
// stored data: a new 2FA secret or a generated password shown once to
// its owner is sent on purpose, as is a login handler's token.
func (r *run) entryLeak(kv *ast.KeyValueExpr, key string) *leak {
	info := r.pass.TypesInfo
	if tv, ok := info.Types[kv.Value]; !ok || tv.Value != nil || tv.IsNil() || !r.walk.carries(r.walk.vertex(node{tv.Type, false})) {
		return nil
	}
	f, name, owner := r.fieldRead(kv.Value)
	if f == nil {
		return nil // not stored data
	}
	mask := secretKind
	if r.walk.account(owner) {
		mask |= credentialKind
	}
	switch {
	case key != "" && r.walk.match(key)&mask != 0:
		return &leak{kind: secretKind, key: key, entry: kv}
	case (r.walk.match(f.Name())|r.walk.match(name))&mask != 0:
		return &leak{kind: secretKind, key: key, field: f, entry: kv}
	}
	return nil
}

// storedRead reports whether e reads stored data: a struct field.
func (r *run) storedRead(e ast.Expr) bool {
	f, _, _ := r.fieldRead(e)
	return f != nil
}

// fieldRead returns the struct field e reads, through conversions and
// dereferences, the field's json name, and the struct type that declares
// it, if e is a field selection.
func (r *run) fieldRead(e ast.Expr) (*types.Var, string, types.Type) {
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
				return nil, "", nil
			}
			name, owner := selected(sel.Recv(), sel.Index())
			return sel.Obj().(*types.Var), name, owner
		}
		return nil, "", nil
	}
}

// selected returns the json tag name of the field that index selects
// from recv, and the struct type that declares it.
func selected(recv types.Type, index []int) (string, types.Type) {
	t := recv
	for n, i := range index {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return "", nil
		}
		if n == len(index)-1 {
			name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
			return name, t
		}
		t = st.Field(i).Type()
	}
	return "", nil
}

// constString returns the value of a constant string expression.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
