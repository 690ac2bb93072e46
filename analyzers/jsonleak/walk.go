package jsonleak

import (
	"go/ast"
	"go/types"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/flagx"
	"github.com/resplint/resplint/analyzers/internal/jsontype"
	"github.com/resplint/resplint/analyzers/internal/names"
)

// kind is what a leaked value is.
type kind uint8

const (
	secretKind kind = 1 << iota
	tokenKind
	// credentialKind marks a name that is a secret on accounts only; a
	// leak of it is a secret.
	credentialKind
)

// A leak is a secret a JSON response writes.
type leak struct {
	kind  kind
	field *types.Var // the struct field; nil for a map literal entry
	key   string     // the object key it is written under
	// The Go path to it from the serialised value: the steps through
	// literals, then those through types.
	prefix []string
	path   *path
	decl   types.Type // the struct type that declares field
	// skipped is a type on the way whose MarshalJSON has a pointer
	// receiver, which encoding/json does not call on the value here.
	skipped types.Type
	entry   *ast.KeyValueExpr // for map literal entries
	// decodable marks a plain omitempty password: not a leak in a
	// package that decodes JSON into it (see writeOnly).
	decodable bool
	// orig is the leak of a walk that this one puts behind a literal's
	// steps (prefixed), so that their reports are described once.
	orig *leak
	// ref is the LeakRef of the fact a leak of another package's type
	// came from, which names its field and declaring type already.
	ref *LeakRef
}

// A node is a value encoding/json writes: its type, and whether it is
// addressable there (which decides whether methods of *T count).
type node struct {
	t    types.Type
	addr bool
}

// A vertex is a cached node: what encoding/json writes for it, and
// every leak reachable from it once it has been asked for as a root.
type vertex struct {
	node
	enc     jsontype.Encoding // once encOK; see encoding
	encOK   bool
	edges   []edge
	edgesOK bool
	carry   int8 // carries(), once decided
	// skipped is the node's type when its MarshalJSON has a pointer
	// receiver and the value is not addressable.
	skipped   types.Type
	skippedOK bool
	// reach is every leak reachable from the vertex, computed once per
	// strongly connected component, whose vertices share it; dist[i] is
	// the length of the shortest path to reach[i].
	reach   []*leak
	dist    []int32
	reachOK bool
	index   int // Tarjan's numbering; 0 before the vertex is visited
	low     int
	onStack bool
	member  int     // 1 + its index in the component being closed
	leaks   []*leak // the leaks with paths, once asked for as a root
	leaksOK bool
}

// A path is a walk's way to a value, from the value back to the root.
type path struct {
	step string
	up   *path
}

// steps returns the steps of a leak's path from the serialised value.
func (l *leak) steps() []string {
	var rev []string
	for p := l.path; p != nil; p = p.up {
		if p.step != "" {
			rev = append(rev, p.step)
		}
	}
	slices.Reverse(rev)
	return append(slices.Clip(l.prefix), rev...)
}

// An edge leads from a value to a value it writes, or ends at a leak.
type edge struct {
	step string
	to   *vertex
	leak *leak
}

// walker walks types as encoding/json writes them. It lives for one
// package: each type is walked once, however many handlers serialise it
// (see reach.go), and types of other packages that have a LeaksFact are
// not walked at all.
type walker struct {
	pkg             *types.Package
	importFact      func(types.Object, analysis.Fact) bool
	secrets, tokens *flagx.Regexp
	credentials     *flagx.Regexp
	strict          bool // tokens of every persistence model, not only of accounts
	accounts        *flagx.Regexp
	config          *flagx.Regexp
	models          *models
	vertices        typeutil.Map // types.Type -> *[2]*vertex, by addressability
	methods         jsontype.Methods
	names           map[string]kind           // matched patterns by field name
	configs         map[*types.TypeName]bool  // configuration(), by named type
	decoded         func(*types.Var) bool     // whether the package decodes JSON into a field
	pkgs            map[string]*types.Package // by path, for resolving facts (see pkgFor)
	encoder         objectpath.Encoder
	objRefs         map[types.Object]ObjRef // the names ref has given, by object
	resolved        map[ObjRef]types.Object // the objects facts name; nil for refs that do not resolve
	carryCycle      bool                    // carries met a value being decided
	counter         int                     // Tarjan's vertex numbering
	stack           []*vertex               // Tarjan's stack
}

// vertex returns the cached vertex of n.
func (w *walker) vertex(n node) *vertex {
	pair, _ := w.vertices.At(n.t).(*[2]*vertex)
	if pair == nil {
		pair = new([2]*vertex)
		w.vertices.Set(n.t, pair)
	}
	i := 0
	if n.addr {
		i = 1
	}
	if pair[i] == nil {
		pair[i] = &vertex{node: n}
		w.importLeaks(pair[i])
	}
	return pair[i]
}

// encoding returns how encoding/json writes a value at v, asked only when
// the walk goes into v: not for the many vertices whose leaks come from a
// fact, or that end the walk.
func (w *walker) encoding(v *vertex) jsontype.Encoding {
	if !v.encOK {
		v.enc, v.encOK = w.methods.EncodingOf(v.t, v.addr), true
	}
	return v.enc
}

// skippedMarshaler returns v's type if encoding/json skips its
// pointer-receiver MarshalJSON there, or nil.
func (w *walker) skippedMarshaler(v *vertex) types.Type {
	if !v.skippedOK {
		v.skippedOK = true
		if !v.addr && w.methods.PointerMarshaler(v.t) {
			v.skipped = v.t
		}
	}
	return v.skipped
}

// edges returns what encoding/json writes for a value at v: the fields
// of a struct (secret fields end the walk as leaks), the element of a
// pointer, slice or array, the values of a map. Marshalers, scalars and
// interfaces have none.
func (w *walker) edges(v *vertex) []edge {
	if v.edgesOK {
		return v.edges
	}
	v.edgesOK = true
	n := v.node
	switch w.encoding(v) {
	case jsontype.Struct:
		if entEdges(n.t) {
			break
		}
		for _, f := range jsontype.Fields(n.t) {
			fv := f.Var()
			step := "." + fv.Name()
			if k, decodable := w.classify(n, &f); k != 0 {
				v.edges = append(v.edges, edge{step: step, leak: &leak{kind: k, field: fv, key: f.Name, decl: declaring(n.t, &f), decodable: decodable}})
				continue
			}
			v.edges = append(v.edges, edge{step: step, to: w.vertex(node{fv.Type(), n.addr})})
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
		v.edges = append(v.edges, edge{step: step, to: w.vertex(node{elem, addr})})
	}
	return v.edges
}

// classify says, by its Go name or its JSON key, whether a field of the
// struct at n is a secret; a password or secret of an account; or a
// token of an account that is a persistence model. A secret that is a
// plain password left out when empty is decodable: it is not a leak in a
// package that decodes JSON into it (see writeOnly), which the walk's
// user decides, so that the walk of a type is the same in every package.
func (w *walker) classify(n node, f *jsontype.Field) (k kind, decodable bool) {
	v := f.Var()
	match := w.match(v.Name()) | w.match(f.Name)
	if match == 0 || !w.carries(w.vertex(node{v.Type(), n.addr})) || metadataOnly(v.Type()) {
		return 0, false
	}
	decl := declaring(n.t, f)
	secret := match&(secretKind|credentialKind) != 0
	plain := secret && plainPassword.MatchString(names.Snake(v.Name()))
	switch {
	case w.configuration(n.t) || w.configuration(decl):
		return 0, false
	case secret && w.writeOnly(n.t, f, plain):
		return 0, false
	case match&secretKind != 0:
		k = secretKind
	case !w.strict && !w.account(n.t) && !w.account(decl):
		return 0, false // -strict: the tokens of every persistence model
	case match&credentialKind != 0:
		if !w.account(n.t) && !w.account(decl) {
			return 0, false
		}
		k = secretKind
	case match&tokenKind != 0 && textual(v.Type()) && (w.models.persistent(n.t) || w.models.persistent(decl)):
		return tokenKind, false
	default:
		return 0, false
	}
	return k, plain && f.OmitEmpty
}

// metadata matches, in lower snake case, the names of fields that say
// which record a value is and when it changed: identifiers and
// timestamps.
var metadata = regexp.MustCompile(`(^|_)(id|uuid)$|_(at|on|time)$|^(created|updated|deleted|expires|expiry)(_|$)`)

// metadataOnly reports whether a value of type t, a struct (or a
// pointer to or slice of one), is written as identifiers, timestamps and
// booleans only: a Password *PasswordCredential{ID, CreatedAt} field
// describes the credential, it cannot hold it.
func metadataOnly(t types.Type) bool {
	for {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		}
		break
	}
	if _, ok := t.Underlying().(*types.Struct); !ok || isTime(t) {
		return false
	}
	fields := jsontype.Fields(t)
	for _, f := range fields {
		ft := f.Var().Type()
		if p, ok := ft.Underlying().(*types.Pointer); ok {
			ft = p.Elem()
		}
		if b, ok := ft.Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 || isTime(ft) {
			continue
		}
		if !metadata.MatchString(names.Snake(f.Var().Name())) || !metadata.MatchString(names.Snake(f.Name)) {
			return false
		}
	}
	return len(fields) > 0
}

// isTime reports whether t is time.Time.
func isTime(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Time"
}

// textual reports whether a value of type t can hold a credential as
// text: a string or bytes, or a pointer to one. A number named tokens
// counts them (AIInputTokens).
func textual(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// dropped reports whether l is no leak in this package: a decodable
// password it decodes JSON into.
func (w *walker) dropped(l *leak) bool {
	return l.decodable && w.decoded(l.field)
}

// echoed returns the leaks of n that dropped leaves out: the plain
// passwords of a request body, which a value decoded from the request
// and written back holds, as does one a query loaded.
func (w *walker) echoed(n node) []*leak {
	if n.t == nil {
		return nil
	}
	root := w.vertex(n)
	var out []*leak
	for i, l := range w.reachable(root) {
		if w.dropped(l) {
			c := *l
			c.path, c.skipped = w.pathTo(root, l.field, root.dist[i])
			out = append(out, &c)
		}
	}
	return out
}

// account reports whether struct type t describes accounts (-accounts).
func (w *walker) account(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && w.accounts.MatchString(n.Obj().Name())
}

// configuration reports whether struct type t holds the application's
// own settings (-config).
func (w *walker) configuration(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	v, ok := w.configs[n.Obj()]
	if !ok {
		v = w.config.MatchString(n.Obj().Pkg().Path() + "." + n.Obj().Name())
		w.configs[n.Obj()] = v
	}
	return v
}

// entEdges reports whether t is the Edges struct of an entity generated
// by ent (entgo.io, entc/gen/template/ent.tmpl): its relations are set
// only when a query loads them (loadedTypes), so the walk does not guess
// that they are.
func entEdges(t types.Type) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Name() == "loadedTypes" && !f.Exported() {
			_, ok := f.Type().Underlying().(*types.Array)
			return ok
		}
	}
	return false
}

// plainPassword matches the snake-case names of fields that hold a
// password as typed, not a hash of it.
var plainPassword = regexp.MustCompile(`(^|_)(pass(word)?|passwd|pwd|passphrase)$`)

// writeOnly reports whether a secret field is an input a request fills
// rather than stored data: it is not persisted (gorm:"-", db:"-",
// bson:"-"); or it is a plain password in a struct that hides the
// credential it stores (PwdHash `json:"-"` beside Password). A plain
// password the package decodes from request bodies and leaves out when
// empty (omitempty) is one too, which dropped decides. The handler that
// sends the struct has nothing in it. plain says f is named as a plain
// password.
func (w *walker) writeOnly(owner types.Type, f *jsontype.Field, plain bool) bool {
	decl, ok := declaring(owner, f).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	v := f.Var()
	for i := 0; i < decl.NumFields(); i++ {
		tag := reflect.StructTag(decl.Tag(i))
		if decl.Field(i) == v {
			for _, key := range persistenceTags {
				// gorm separates options with ";", and "-:all" also
				// means neither read nor written; the others use ",".
				name, _, _ := strings.Cut(tag.Get(key), ",")
				if name, _, _ = strings.Cut(name, ";"); name == "-" || name == "-:all" {
					return true
				}
			}
		} else if plain && tag.Get("json") == "-" && w.match(decl.Field(i).Name())&(secretKind|credentialKind) != 0 {
			return true
		}
	}
	return false
}

// match returns which patterns a name matches in snake case, as a set
// of kinds, once per name.
func (w *walker) match(name string) kind {
	if k, ok := w.names[name]; ok {
		return k
	}
	var k kind
	s := names.Snake(name)
	if w.secrets.MatchString(s) {
		k |= secretKind
	}
	if w.tokens.MatchString(s) {
		k |= tokenKind
	}
	if w.credentials.MatchString(s) {
		k |= credentialKind
	}
	w.names[name] = k
	return k
}

// carries reports whether a value at v, written by encoding/json, can
// carry a secret: strings, bytes, integers and what contains them, but
// not booleans or floats (HasPassword, PasswordStrength), not a type
// whose own MarshalJSON decides what is written (a redacting type), and
// not a struct none of whose written fields can. A value met again while
// it is being decided adds nothing; a "no" decided through such a cycle
// is not kept, since the value met again may still turn out "yes".
func (w *walker) carries(v *vertex) bool {
	switch v.carry {
	case carryYes:
		return true
	case carryNo:
		return false
	case carryDeciding:
		w.carryCycle = true
		return false
	}
	v.carry = carryDeciding
	outer := w.carryCycle
	w.carryCycle = false
	yes := false
	switch w.encoding(v) {
	case jsontype.Marshaler:
		yes = !w.methods.JSONMarshaler(v.t, v.addr)
	case jsontype.Scalar:
		b, ok := v.t.Underlying().(*types.Basic)
		yes = !ok || b.Info()&(types.IsBoolean|types.IsFloat) == 0
	case jsontype.Dynamic:
		yes = true
	case jsontype.Pointer, jsontype.Elements, jsontype.Map:
		elem, addr := jsontype.Elem(v.t, v.addr)
		yes = w.carries(w.vertex(node{elem, addr}))
	case jsontype.Struct:
		for _, f := range jsontype.Fields(v.t) {
			if w.carries(w.vertex(node{f.Var().Type(), v.addr})) {
				yes = true
				break
			}
		}
	}
	switch {
	case yes:
		v.carry = carryYes
	case w.carryCycle:
		v.carry = carryUnknown
	default:
		v.carry = carryNo
	}
	w.carryCycle = w.carryCycle || outer
	return yes
}

// States of vertex.carry.
const (
	carryUnknown int8 = iota
	carryYes
	carryNo
	carryDeciding
)

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
