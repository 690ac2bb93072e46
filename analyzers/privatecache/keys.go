package privatecache

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
	"github.com/resplint/resplint/analyzers/internal/routes"
)

// A handler that reads the user from a request or context value reads
// what middleware stored there. When the key is an unexported variable,
// constant or type of the application, only its package can store under
// it; when every store under it that the program shows is made by
// middleware, a route that none of that middleware covers serves the
// handler with nothing under the key: there, it reads no one (pages
// that read the user which only the API routes' auth middleware
// stores).

// KeysFact is a package fact: the keys the package stores request or
// context values under (keyIDs), each with whether every such store is
// made by middleware (a function that passes the request on).
type KeysFact struct {
	Stores []KeyStores // by Key
}

// KeyStores says whether every store under Key is made by middleware.
type KeyStores struct {
	Key        string
	Middleware bool
}

func (*KeysFact) AFact() {}

func (f *KeysFact) String() string {
	var ks []string
	for _, s := range f.Stores {
		k := s.Key
		if s.Middleware {
			k += " (middleware)"
		}
		ks = append(ks, k)
	}
	return "stores " + strings.Join(ks, ", ")
}

// StoresFact is exported for a middleware, or a function that returns
// one or puts one in use on a router it is given, that stores request or
// context values: the keys, as keyIDs.
type StoresFact struct {
	Keys []string
}

func (*StoresFact) AFact() {}

func (f *StoresFact) String() string { return "stores " + strings.Join(f.Keys, ", ") }

// keys answers which values the package's middleware store, and which
// keys only middleware stores, in this package and, through KeysFact,
// in the packages it imports.
type keys struct {
	mw     *middleware
	stores map[string]bool          // this package's KeysFact
	own    map[ast.Node][]string    // keys a middleware stores in its own body
	models map[string]*routes.Model // covered: middleware that stores one of the keys
	prop   *prop                    // keys a middleware stores, joined by newlines
}

func newKeys(mw *middleware) *keys {
	k := &keys{mw: mw, stores: make(map[string]bool), own: make(map[ast.Node][]string), models: make(map[string]*routes.Model)}
	k.prop = mw.newProp(func(n ast.Node) string { return strings.Join(k.own[n], "\n") }, k.imported)
	if mw.model.Inspector == nil {
		return k
	}
	info := mw.pass.TypesInfo
	for cur := range mw.model.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		if !ok {
			continue
		}
		c, ok := httpfw.Lookup(fn)
		if !ok {
			continue
		}
		arg, ok := httpfw.StoredKey(c, len(call.Args))
		if !ok {
			continue
		}
		ids := keyIDs(info, call.Args[arg])
		var encl ast.Node
		for p := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
			encl = p.Node()
			break
		}
		inMW := encl != nil && passesOn(mw.pass, mw.model, encl)
		for _, id := range ids {
			prev, seen := k.stores[id]
			k.stores[id] = inMW && (prev || !seen)
			if inMW && !slices.Contains(k.own[encl], id) {
				k.own[encl] = append(k.own[encl], id)
			}
		}
	}
	for n := range k.own {
		slices.Sort(k.own[n])
	}
	return k
}

// exportFacts exports KeysFact for the package and StoresFact for its
// exported middleware that store values.
func (k *keys) exportFacts() {
	if len(k.stores) > 0 {
		f := new(KeysFact)
		for id, mw := range k.stores {
			f.Stores = append(f.Stores, KeyStores{Key: id, Middleware: mw})
		}
		slices.SortFunc(f.Stores, func(a, b KeyStores) int { return strings.Compare(a.Key, b.Key) })
		k.mw.pass.ExportPackageFact(f)
	}
	for fn, d := range k.mw.decls {
		if fn.Exported() && !k.mw.routes.InTestFile(d) {
			if v := k.prop.node(d); v != "" {
				k.mw.pass.ExportObjectFact(fn, &StoresFact{Keys: strings.Split(v, "\n")})
			}
		}
	}
}

// storesUser reports whether middleware stores, in its own body, a value
// under a key that names the user.
func (k *keys) storesUser(n ast.Node) bool {
	return slices.ContainsFunc(k.own[n], k.mw.c.keys.MatchString)
}

func (k *keys) imported(fn *types.Func) string {
	var f StoresFact
	if fn.Pkg() != k.mw.pass.Pkg && k.mw.pass.ImportObjectFact(fn, &f) {
		return strings.Join(f.Keys, "\n")
	}
	return ""
}

// keyIDs names the key of a store: its constant string value, quoted,
// and the package-level constant, variable or type it is named by
// ("auth.userKey"), as the response model's Hint names the key of a
// read in the application's code.
func keyIDs(info *types.Info, e ast.Expr) []string {
	var ids []string
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		ids = append(ids, strconv.Quote(constant.StringVal(tv.Value)))
	}
	if obj := keyObject(info, e, 0); obj != nil {
		ids = append(ids, obj.Pkg().Name()+"."+obj.Name())
	}
	return ids
}

// keyObject returns the package-level object that names a key: a
// constant or variable, or the type of a composite literal (ctxKey{}),
// through & and conversions.
func keyObject(info *types.Info, e ast.Expr, depth int) types.Object {
	if depth > maxDepth {
		return nil
	}
	var obj types.Object
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj = info.Uses[x]
	case *ast.SelectorExpr:
		obj = info.Uses[x.Sel]
	case *ast.CompositeLit:
		if n, ok := types.Unalias(info.TypeOf(x)).(*types.Named); ok {
			return n.Obj()
		}
	case *ast.UnaryExpr:
		return keyObject(info, x.X, depth+1)
	case *ast.CallExpr:
		if routes.IsConversion(info, x) {
			return keyObject(info, x.Args[0], depth+1)
		}
	}
	switch obj := obj.(type) {
	case *types.Const:
		return obj
	case *types.Var:
		if obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
			return obj
		}
	}
	return nil
}

// onlyMiddleware returns the keys of the reads among events that
// identify the user, when every such read is of a context or request
// value under a key that only its package can name (an unexported
// constant, variable or type of the application) and that only
// middleware stores, as far as the program shows; nil otherwise.
func (k *keys) onlyMiddleware(events []*respmodel.Event) []string {
	stores := make(map[string]bool)
	for _, pf := range k.mw.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*KeysFact); ok {
			for _, s := range f.Stores {
				prev, seen := stores[s.Key]
				stores[s.Key] = s.Middleware && (prev || !seen)
			}
		}
	}
	for id, mw := range k.stores {
		prev, seen := stores[id]
		stores[id] = mw && (prev || !seen)
	}
	var out []string
	for _, ev := range events {
		if ev.Kind != respmodel.ReadIdentity || !k.mw.c.identifies(ev) {
			continue
		}
		if ev.Identity != respmodel.IdentityContext && ev.Identity != respmodel.IdentityLocal {
			return nil
		}
		h := ev.Value.Hint
		dot := strings.LastIndexByte(h, '.')
		if dot < 0 || dot == len(h)-1 || unicode.IsUpper([]rune(h[dot+1:])[0]) || !stores[h] {
			return nil
		}
		if v := ev.Value; v.State == respmodel.Known && v.Str != "" {
			if mw, seen := stores[strconv.Quote(v.Str)]; seen && !mw {
				return nil
			}
		}
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return out
}

// storedOn returns, for routes located by at, whether middleware that
// stores one of ks covers a route.
func (k *keys) storedOn(at func(*routes.Model) routes.Where) func(ks []string) func(*ast.CallExpr) bool {
	return func(ks []string) func(*ast.CallExpr) bool {
		key := strings.Join(ks, "\n")
		m := k.models[key]
		if m == nil {
			m = k.mw.routes.With(func(e ast.Expr) bool {
				for _, id := range strings.Split(k.prop.expr(e, 0), "\n") {
					if slices.Contains(ks, id) {
						return true
					}
				}
				return false
			})
			k.models[key] = m
		}
		return coveredBy(at(m))
	}
}
