package jsonleak

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/flagx"
	"github.com/resplint/resplint/analyzers/internal/jsontype"
)

// kind is what a leaked value is.
type kind uint8

const (
	secretKind kind = iota + 1
	tokenKind
)

// A leak is a secret a JSON response writes.
type leak struct {
	kind  kind
	field *types.Var // the struct field; nil for a map literal entry
	key   string     // the object key it is written under
	steps []string   // the Go path to it from the serialised value
	decl  types.Type // the struct type that declares field
	// skipped is a type on the way whose MarshalJSON has a pointer
	// receiver, which encoding/json does not call on the value here.
	skipped types.Type
	entry   *ast.KeyValueExpr // for map literal entries
}

// A node is a value encoding/json writes: its type, and whether it is
// addressable there (which decides whether methods of *T count).
type node struct {
	t    types.Type
	addr bool
}

// An edge leads from a value to a value it writes, or ends at a leak.
type edge struct {
	step string
	to   node
	leak *leak
}

// typeInfo caches, per addressability, a type's edges and, once asked
// for as a root, every leak reachable from it.
type typeInfo struct {
	edges            [2][]edge
	edgesOK, leaksOK [2]bool
	found            [2][]*leak
}

// walker walks types as encoding/json writes them. It lives for one
// package: types of one package are walked once, however many handlers
// serialise them.
type walker struct {
	secrets, tokens *flagx.Regexp
	models          *models
	types           typeutil.Map // types.Type -> *typeInfo
}

func (w *walker) info(t types.Type) *typeInfo {
	if ti, ok := w.types.At(t).(*typeInfo); ok {
		return ti
	}
	ti := new(typeInfo)
	w.types.Set(t, ti)
	return ti
}

func index(addr bool) int {
	if addr {
		return 1
	}
	return 0
}

// edges returns what encoding/json writes for a value at n: the fields
// of a struct (secret fields end the walk as leaks), the element of a
// pointer, slice or array, the values of a map. Marshalers, scalars and
// interfaces have none.
func (w *walker) edges(n node) []edge {
	ti, a := w.info(n.t), index(n.addr)
	if ti.edgesOK[a] {
		return ti.edges[a]
	}
	ti.edgesOK[a] = true
	var out []edge
	switch jsontype.EncodingOf(n.t, n.addr) {
	case jsontype.Struct:
		for _, f := range jsontype.Fields(n.t) {
			v := f.Var()
			step := "." + v.Name()
			if k := w.classify(n, &f); k != 0 {
				out = append(out, edge{step: step, leak: &leak{kind: k, field: v, key: f.Name, decl: declaring(n.t, &f)}})
				continue
			}
			out = append(out, edge{step: step, to: node{v.Type(), n.addr}})
		}
	case jsontype.Pointer, jsontype.Elements, jsontype.Map:
		elem, addr := jsontype.Elem(n.t, n.addr)
		var step string
		switch n.t.Underlying().(type) {
		case *types.Slice, *types.Array:
			step = "[i]"
		case *types.Map:
			step = "[key]"
		}
		out = append(out, edge{step: step, to: node{elem, addr}})
	}
	ti.edges[a] = out
	return out
}

// classify says whether a field of the struct at n is a secret, or a
// token of a persistence model, by its Go name or its JSON key.
func (w *walker) classify(n node, f *jsontype.Field) kind {
	v := f.Var()
	if !carries(v.Type(), n.addr) {
		return 0
	}
	goName, key := snake(v.Name()), snake(f.Name)
	switch {
	case w.secrets.MatchString(goName) || w.secrets.MatchString(key):
		return secretKind
	case (w.tokens.MatchString(goName) || w.tokens.MatchString(key)) &&
		(w.models.persistent(n.t) || w.models.persistent(declaring(n.t, f))):
		return tokenKind
	}
	return 0
}

// declaring returns the struct type that declares f: owner itself, or
// the embedded struct f is promoted from.
func declaring(owner types.Type, f *jsontype.Field) types.Type {
	if len(f.Path) == 1 {
		return owner
	}
	t := f.Path[len(f.Path)-2].Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// leaks returns every leak reachable from n, each by its shortest path,
// breadth first. Recursive types end because each value is visited once.
func (w *walker) leaks(n node) []*leak {
	if n.t == nil {
		return nil
	}
	ti, a := w.info(n.t), index(n.addr)
	if ti.leaksOK[a] {
		return ti.found[a]
	}
	type item struct {
		n       node
		parent  int
		step    string
		skipped types.Type
	}
	queue := []item{{n: n, parent: -1}}
	var seen typeutil.Map // types.Type -> [2]bool
	visit := func(n node) bool {
		s, _ := seen.At(n.t).([2]bool)
		if s[index(n.addr)] {
			return false
		}
		s[index(n.addr)] = true
		seen.Set(n.t, s)
		return true
	}
	visit(n)
	var out []*leak
	for i := 0; i < len(queue); i++ {
		it := queue[i]
		if it.skipped == nil && !it.n.addr && jsontype.PointerMarshaler(it.n.t) {
			it.skipped = it.n.t
		}
		for _, e := range w.edges(it.n) {
			if e.leak != nil {
				if slices.ContainsFunc(out, func(l *leak) bool { return l.field == e.leak.field }) {
					continue
				}
				l := *e.leak
				l.steps = append(pathTo(i, func(j int) (int, string) { return queue[j].parent, queue[j].step }), e.step)
				l.skipped = it.skipped
				out = append(out, &l)
				continue
			}
			if visit(e.to) {
				queue = append(queue, item{e.to, i, e.step, it.skipped})
			}
		}
	}
	ti.leaksOK[a], ti.found[a] = true, out
	return out
}

// pathTo returns the steps from the root of a breadth-first walk to item
// i, given each item's parent and step.
func pathTo(i int, up func(int) (int, string)) []string {
	var steps []string
	for i >= 0 {
		parent, step := up(i)
		if step != "" {
			steps = append(steps, step)
		}
		i = parent
	}
	slices.Reverse(steps)
	return steps
}

// pathString renders steps, leaving out the element steps that lead from
// a slice or map root to its first field: the root's type shows them.
func pathString(steps []string) string {
	i := 0
	for i < len(steps) && (steps[i] == "[i]" || steps[i] == "[key]") {
		i++
	}
	if i == len(steps) {
		i = 0
	}
	return strings.Join(steps[i:], "")
}
