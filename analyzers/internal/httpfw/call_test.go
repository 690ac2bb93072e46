package httpfw

import (
	"go/types"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/analyzers/internal/testmod"
)

// TestKeys checks that every row and decoder of the tables names a
// function, method or package variable of the framework versions in
// testdata/go.mod, spelled as types.Func.FullName spells it: a row that
// names nothing is dead, one whose receiver is misspelt never matches.
func TestKeys(t *testing.T) {
	var keys []string
	for _, s := range specs() {
		for _, r := range s.calls {
			keys = append(keys, r.key)
		}
		for _, d := range s.decoders {
			keys = append(keys, d.key)
		}
		for _, c := range s.cors {
			keys = append(keys, c.key)
			keys = append(keys, c.cors.Defaults...)
			if c.cors.Arg == None {
				keys = append(keys, corsSettings(c.cors)...)
			}
		}
	}
	paths := map[string]bool{}
	for _, k := range keys {
		path, _, _ := parseKey(k)
		paths[path] = true
	}
	for _, p := range reg().params {
		paths[p.path] = true
	}
	for _, r := range reg().routes {
		paths[r.Path] = true
	}
	cfg := &packages.Config{
		// Types from source: export data would have the go command
		// compile every framework first.
		Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedTypes,
		Dir:  testmod.Dir(t),
		Env:  append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, slices.Sorted(func(yield func(string) bool) {
		for p := range paths {
			if !yield(p) {
				return
			}
		}
	})...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*types.Package{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		byPath[p.PkgPath] = p.Types
	}
	for _, k := range keys {
		if name := fullName(byPath, k); name != strings.TrimSuffix(k, "*") {
			t.Errorf("%s names %q", k, name)
		}
	}
	for _, p := range reg().params {
		if _, ok := lookupType(byPath, p.path, p.name).(*types.Named); !ok {
			t.Errorf("handler parameter %s.%s names no type", p.path, p.name)
		}
	}
	for _, r := range reg().routes {
		st, _ := lookupType(byPath, r.Path, r.Name).Underlying().(*types.Struct)
		for _, f := range []string{r.Handler, r.Method, r.Pattern} {
			if !hasField(st, f) {
				t.Errorf("route type %s.%s has no field %q", r.Path, r.Name, f)
			}
		}
	}
	for _, s := range specs() {
		for _, c := range s.cors {
			if c.cors.Arg != None {
				checkCORSFields(t, byPath, c)
			}
		}
	}
}

// lookupType returns the type path.name, or an empty struct.
func lookupType(pkgs map[string]*types.Package, path, name string) types.Type {
	if pkg := pkgs[path]; pkg != nil {
		if tn, ok := pkg.Scope().Lookup(name).(*types.TypeName); ok {
			return tn.Type()
		}
	}
	return types.NewStruct(nil, nil)
}

func hasField(st *types.Struct, name string) bool {
	for i := 0; st != nil && i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return true
		}
	}
	return false
}

// corsSettings returns the names of a CORS row's settings.
func corsSettings(c CORS) []string {
	names := []string{c.Origins, c.Credentials}
	for _, f := range c.Funcs {
		names = append(names, f.Name)
	}
	for _, n := range []string{c.AllowAll, c.Unsafe, c.WildcardsOn} {
		if n != "" {
			names = append(names, n)
		}
	}
	return names
}

// checkCORSFields checks that the settings of a CORS row configured by a
// struct are fields of its configuration type, of the types they are
// read as.
func checkCORSFields(t *testing.T, pkgs map[string]*types.Package, c corsRow) {
	path, _, name := parseKey(c.key)
	fn, ok := pkgs[path].Scope().Lookup(name).(*types.Func)
	if !ok || c.cors.Arg >= fn.Signature().Params().Len() {
		t.Errorf("%s: no configuration argument %d", c.key, c.cors.Arg)
		return
	}
	cfg := fn.Signature().Params().At(c.cors.Arg).Type()
	if s, ok := cfg.(*types.Slice); ok && fn.Signature().Variadic() {
		cfg = s.Elem()
	}
	for _, f := range corsSettings(c.cors) {
		obj, _, _ := types.LookupFieldOrMethod(cfg, false, pkgs[path], f)
		v, ok := obj.(*types.Var)
		if !ok || !v.IsField() {
			t.Errorf("%s: %s has no field %s", c.key, cfg, f)
			continue
		}
		want := "bool"
		switch {
		case f == c.cors.Origins && c.cors.OriginsCSV:
			want = "string"
		case f == c.cors.Origins:
			want = "[]string"
		case slices.ContainsFunc(c.cors.Funcs, func(o OriginFunc) bool { return o.Name == f }):
			sig, ok := v.Type().Underlying().(*types.Signature)
			i := slices.IndexFunc(c.cors.Funcs, func(o OriginFunc) bool { return o.Name == f })
			if !ok || c.cors.Funcs[i].Result >= sig.Results().Len() || sig.Results().At(c.cors.Funcs[i].Result).Type().String() != "bool" {
				t.Errorf("%s: %s's result %d is not its verdict", c.key, f, c.cors.Funcs[i].Result)
			}
			continue
		}
		if got := v.Type().String(); got != want {
			t.Errorf("%s: %s is %s, want %s", c.key, f, got, want)
		}
	}
}

// fullName returns the full name of what key names, or "".
func fullName(pkgs map[string]*types.Package, key string) string {
	path, recv, name := parseKey(key)
	pkg := pkgs[path]
	if pkg == nil {
		return ""
	}
	if recv == "" {
		switch obj := pkg.Scope().Lookup(name).(type) {
		case *types.Func:
			return obj.FullName()
		case *types.Var:
			return path + "." + name
		}
		return ""
	}
	tn, ok := pkg.Scope().Lookup(recv).(*types.TypeName)
	if !ok {
		return ""
	}
	prefix, isPrefix := strings.CutSuffix(name, "*")
	if isPrefix {
		// A prefix: its first method stands for all.
		for m := range types.NewMethodSet(types.NewPointer(tn.Type())).Methods() {
			if strings.HasPrefix(m.Obj().Name(), prefix) {
				name = m.Obj().Name()
				break
			}
		}
	}
	obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, pkg, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return ""
	}
	full := fn.FullName()
	if isPrefix {
		full = strings.TrimSuffix(full, fn.Name()) + prefix
	}
	return full
}

// TestIndex checks that the specs index: no key is listed twice, no
// framework value given twice.
func TestIndex(t *testing.T) {
	if r := reg(); len(r.calls) == 0 || len(r.names) == 0 {
		t.Fatal("empty registry")
	}
}
