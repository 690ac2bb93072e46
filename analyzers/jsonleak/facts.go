package jsonleak

import (
	"cmp"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/objectpath"
)

// LeaksFact is exported for a named type of an analysed package whose
// values, written by encoding/json, reach secret fields: the leaks a walk
// of its type finds, as a value ([0]) and as an addressable value ([1]).
// A package that serialises the type starts from the fact instead of
// walking the type's graph again, so a model graph that runs through many
// packages is walked once, not once per package that sends it.
//
// Types whose leaks cannot all be named by objectpath (a field of an
// anonymous or generic struct) have no fact and are walked where used.
type LeaksFact struct {
	Leaks [2][]LeakRef
}

// A LeakRef is a leak of a LeaksFact.
type LeakRef struct {
	Kind  kind
	Key   string // the object key it is written under
	Field ObjRef
	Decl  ObjRef // the named struct type that declares Field
	Dist  int32  // the length of the shortest path to it
	// Decodable marks a plain omitempty password, which is not a leak in
	// a package that decodes JSON into it (see walker.classify).
	Decodable bool
}

// An ObjRef names a package-level object or one reachable from it.
type ObjRef struct {
	Pkg  string
	Path objectpath.Path
}

func (*LeaksFact) AFact() {}

func (f *LeaksFact) String() string {
	s := "leaks " + keys(f.Leaks[0])
	if a := keys(f.Leaks[1]); a != keys(f.Leaks[0]) {
		s += "; addressable, " + a
	}
	return s
}

// keys lists the object keys of refs, nearest first.
func keys(refs []LeakRef) string {
	if len(refs) == 0 {
		return "none"
	}
	byDist := slices.Clone(refs)
	slices.SortStableFunc(byDist, func(a, b LeakRef) int { return cmp.Compare(a.Dist, b.Dist) })
	keys := make([]string, len(byDist))
	for i, r := range byDist {
		keys[i] = r.Key
	}
	return strings.Join(keys, ", ")
}

// exportFacts exports a LeaksFact for each named type of the package
// whose values reach a secret.
func (r *run) exportFacts() {
	scope := r.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 || types.IsInterface(n) {
			continue
		}
		var fact LeaksFact
		leaky, ok := false, true
		for i, addr := range []bool{false, true} {
			fact.Leaks[i], ok = r.walk.refs(r.walk.vertex(node{n, addr}))
			if !ok {
				break
			}
			leaky = leaky || len(fact.Leaks[i]) > 0
		}
		if ok && leaky {
			if slices.Equal(fact.Leaks[0], fact.Leaks[1]) {
				// The usual case (no marshaler with a pointer receiver
				// on the way): one slice, half the memory a fact
				// holds until the last package that can see it is done.
				fact.Leaks[1] = fact.Leaks[0]
			}
			r.pass.ExportObjectFact(tn, &fact)
		}
	}
}

// refs returns the leaks reachable from v as LeakRefs, or false if one
// of them cannot be named.
func (w *walker) refs(v *vertex) ([]LeakRef, bool) {
	all := w.reachable(v)
	refs := make([]LeakRef, len(all))
	for i, l := range all {
		if l.ref != nil {
			refs[i] = *l.ref
			refs[i].Dist = v.dist[i]
			continue
		}
		decl, ok := types.Unalias(l.decl).(*types.Named)
		if !ok || decl.TypeArgs().Len() > 0 {
			return nil, false
		}
		field, ok1 := w.ref(l.field)
		declRef, ok2 := w.ref(decl.Obj())
		if !ok1 || !ok2 {
			return nil, false
		}
		refs[i] = LeakRef{Kind: l.kind, Key: l.key, Field: field, Decl: declRef, Dist: v.dist[i], Decodable: l.decodable}
	}
	return refs, true
}

// ref names obj by its package and object path.
func (w *walker) ref(obj types.Object) (ObjRef, bool) {
	if ref, ok := w.objRefs[obj]; ok {
		return ref, true
	}
	if obj.Pkg() == nil {
		return ObjRef{}, false
	}
	p, err := w.encoder.For(obj)
	if err != nil {
		return ObjRef{}, false
	}
	ref := ObjRef{obj.Pkg().Path(), p}
	w.objRefs[obj] = ref
	return ref, true
}

// importLeaks gives v, the vertex of a named type of another package,
// the leaks of the type's LeaksFact, if it has one: v is then done, and
// its edges are followed only to rebuild the paths messages name.
func (w *walker) importLeaks(v *vertex) {
	n, ok := types.Unalias(v.t).(*types.Named)
	if !ok || n.TypeArgs().Len() > 0 || n.Obj().Pkg() == nil || n.Obj().Pkg() == w.pkg {
		return
	}
	var fact LeaksFact
	if !w.importFact(n.Obj(), &fact) {
		return
	}
	i := 0
	if v.addr {
		i = 1
	}
	refs := fact.Leaks[i]
	reach := make([]*leak, len(refs))
	dist := make([]int32, len(refs))
	for j := range refs {
		ref := &refs[j]
		field, ok1 := w.resolve(ref.Field, n.Obj().Pkg()).(*types.Var)
		decl, ok2 := w.resolve(ref.Decl, n.Obj().Pkg()).(*types.TypeName)
		if !ok1 || !ok2 {
			return // walk it here
		}
		reach[j] = &leak{kind: ref.Kind, field: field, key: ref.Key, decl: decl.Type(), decodable: ref.Decodable, ref: ref}
		dist[j] = ref.Dist
	}
	v.reach, v.dist, v.reachOK = reach, dist, true
	if len(reach) > 0 {
		v.carry = carryYes
	}
}

// resolve returns the object ref names, or nil: ref is of a fact of a
// type of package from, whose leaks are in from or its dependencies.
func (w *walker) resolve(ref ObjRef, from *types.Package) types.Object {
	if obj, ok := w.resolved[ref]; ok {
		return obj
	}
	var obj types.Object
	if pkg := w.pkgFor(ref.Pkg, from); pkg != nil {
		if o, err := objectpath.Object(pkg, ref.Path); err == nil {
			obj = o
		}
	}
	w.resolved[ref] = obj // the leaks of a type's fact are in those of the types that reach it
	return obj
}

// pkgFor returns the package with the given path among from and its
// dependencies, or nil. Those of a package are indexed once it is asked
// for; most facts come from models whose dependencies are few, not from
// the frameworks a handler package imports.
func (w *walker) pkgFor(path string, from *types.Package) *types.Package {
	if p, ok := w.pkgs[path]; ok {
		return p
	}
	var add func(*types.Package)
	add = func(p *types.Package) {
		if _, ok := w.pkgs[p.Path()]; !ok {
			w.pkgs[p.Path()] = p
			for _, q := range p.Imports() {
				add(q)
			}
		}
	}
	add(from)
	return w.pkgs[path]
}
