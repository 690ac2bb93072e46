package privatecache

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// routes answers, for one package, whether a handler is served without a
// middleware that sets Cache-Control private or no-store. It follows the
// handler from its declaration to where it is registered: through
// conversions and wrappers (http.HandlerFunc(h), auth(h)), variables,
// struct fields, functions that return it, to a registration call
// (mux.Handle, r.Get, e.GET, app.Get, ...). It is covered there when a
// no-store middleware wraps it, is passed beside it (gin's and fiber's
// handler chains, echo's route middleware), or is in use on the router it
// is registered on: r.Use, r.With, r.Group(..., mw), subrouters, groups
// and mounts of such routers. Registrations for methods other than GET
// and HEAD do not expose it either: shared caches do not store their
// responses. Only this package is seen; _test.go files are ignored.
type routes struct {
	c     *checker
	pass  *analysis.Pass
	insp  *inspector.Inspector // the model's; nil if the package cannot respond
	model *respmodel.Result
	funcs map[ast.Node]*respmodel.Func
	decls map[*types.Func]*ast.FuncDecl
	memo  map[ast.Node]string // noStoreNode
	own   map[ast.Node]string // setsOwn

	built    bool
	refs     map[types.Object][]inspector.Cursor // uses of functions, variables and fields
	lits     map[*ast.FuncLit]inspector.Cursor
	typeLits map[*types.TypeName][]inspector.Cursor // T{...} and new(T)
	uses     map[types.Object][]ast.Expr            // middleware given to X.Use and X.Pre
	defs     map[types.Object][]ast.Expr            // values assigned to variables and fields
	params   map[*types.Var]param
}

// param is a parameter of a function or function literal.
type param struct {
	fn    inspector.Cursor
	index int
}

func newRoutes(c *checker, pass *analysis.Pass, res *respmodel.Result) *routes {
	r := &routes{
		c: c, pass: pass, insp: res.Inspector, model: res,
		funcs: make(map[ast.Node]*respmodel.Func),
		decls: make(map[*types.Func]*ast.FuncDecl),
		memo:  make(map[ast.Node]string),
		own:   make(map[ast.Node]string),
	}
	for _, f := range res.Funcs {
		r.funcs[f.Node] = f
		if d, ok := f.Node.(*ast.FuncDecl); ok {
			if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
				r.decls[fn] = d
			}
		}
	}
	return r
}

// build indexes the package's non-test files, once, when first needed.
func (r *routes) build() {
	if r.built {
		return
	}
	r.built = true
	r.refs = make(map[types.Object][]inspector.Cursor)
	r.lits = make(map[*ast.FuncLit]inspector.Cursor)
	r.typeLits = make(map[*types.TypeName][]inspector.Cursor)
	r.uses = make(map[types.Object][]ast.Expr)
	r.defs = make(map[types.Object][]ast.Expr)
	r.params = make(map[*types.Var]param)
	info := r.pass.TypesInfo
	insp := r.insp
	if insp == nil {
		return
	}
	filter := []ast.Node{(*ast.Ident)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil), (*ast.CompositeLit)(nil),
		(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)}
	for file := range insp.Root().Children() {
		if isTestFile(r.pass, file.Node()) {
			continue
		}
		for cur := range file.Preorder(filter...) {
			switch n := cur.Node().(type) {
			case *ast.Ident:
				switch obj := info.Uses[n].(type) {
				case *types.Func, *types.Var:
					r.refs[obj] = append(r.refs[obj], cur)
				}
			case *ast.FuncLit:
				r.lits[n] = cur
				r.addParams(cur, n.Type)
			case *ast.FuncDecl:
				r.addParams(cur, n.Type)
			case *ast.CompositeLit:
				if tn := namedOf(info.TypeOf(n)); tn != nil {
					r.typeLits[tn] = append(r.typeLits[tn], cur)
				}
			case *ast.CallExpr:
				r.indexCall(cur, n)
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if obj := r.object(lhs); obj != nil {
							r.defs[obj] = append(r.defs[obj], n.Rhs[i])
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, name := range n.Names {
						if obj := info.Defs[name]; obj != nil {
							r.defs[obj] = append(r.defs[obj], n.Values[i])
						}
					}
				}
			}
		}
	}
}

func (r *routes) addParams(cur inspector.Cursor, ft *ast.FuncType) {
	i := 0
	for _, field := range ft.Params.List {
		for _, name := range field.Names {
			if v, ok := r.pass.TypesInfo.Defs[name].(*types.Var); ok {
				r.params[v] = param{cur, i}
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
}

// indexCall records new(T) as a value of T, and the middleware of
// X.Use(...) and X.Pre(...) (echo) under X.
func (r *routes) indexCall(cur inspector.Cursor, call *ast.CallExpr) {
	info := r.pass.TypesInfo
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if b, ok := info.Uses[fun].(*types.Builtin); ok && b.Name() == "new" && len(call.Args) == 1 {
			if tn := namedOf(info.TypeOf(call.Args[0])); tn != nil {
				r.typeLits[tn] = append(r.typeLits[tn], cur)
			}
		}
	case *ast.SelectorExpr:
		if fun.Sel.Name == "Use" || fun.Sel.Name == "Pre" {
			if obj := r.object(fun.X); obj != nil {
				r.uses[obj] = append(r.uses[obj], call.Args...)
			}
		}
	}
}

// object returns the variable or field that x denotes, or nil.
func (r *routes) object(x ast.Expr) types.Object {
	info := r.pass.TypesInfo
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(x).(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if v, ok := info.Uses[x.Sel].(*types.Var); ok {
			return v // a field, or a package-level variable of another package
		}
	}
	return nil
}

// How an identifier is used.
type use uint8

const (
	useValue    use = iota // its value flows somewhere
	useCall                // it is called
	useReceiver            // x.f or x.m(): the value does not flow
	useOther               // assigned to, or a composite literal's key
)

// valueOf returns the expression an identifier's use stands for (x.f for
// the f of a selector) and how it is used.
func valueOf(cur inspector.Cursor) (inspector.Cursor, use) {
	if k, _ := cur.ParentEdge(); k == edge.SelectorExpr_Sel {
		cur = cur.Parent()
	}
	switch k, _ := cur.ParentEdge(); k {
	case edge.CallExpr_Fun:
		return cur, useCall
	case edge.SelectorExpr_X:
		return cur, useReceiver
	case edge.AssignStmt_Lhs, edge.KeyValueExpr_Key:
		return cur, useOther
	}
	return cur, useValue
}

// mutatingVerb matches handler names that say the handler changes
// state, after an optional "handle" prefix: createUser, UpdateArticle,
// handleDeleteToken, Logout. Such handlers serve POST, PUT, PATCH or
// DELETE; the name is the only hint when no registration is seen.
var mutatingVerb = regexp.MustCompile(`^(?:[Hh]andle)?(?:[Cc]reate|[Uu]pdate|[Dd]elete|[Rr]emove|[Aa]dd|[Pp]ost|[Pp]ut|[Pp]atch|[Ss]ave|[Ss]et|[Ee]dit|[Uu]pload|[Ii]nsert|[Mm]odify|[Dd]estroy|[Ll]ogout|[Ss]ign[Oo]ut)(?:[A-Z_]|$)`)

func mutatingName(name string) bool { return mutatingVerb.MatchString(name) }

// seen guards the walks against cycles.
type seen struct {
	objs, routers map[types.Object]bool
}

// exposed reports whether handler f may be served for GET or HEAD
// without a no-store middleware, as far as this package shows. A handler
// that this package only calls directly is not: its callers, which
// include its events, are checked instead.
func (r *routes) exposed(f *respmodel.Func) bool {
	r.build()
	var sites []inspector.Cursor
	called := false
	switch n := f.Node.(type) {
	case *ast.FuncDecl:
		fn, ok := r.pass.TypesInfo.Defs[n.Name].(*types.Func)
		if !ok {
			return true
		}
		if n.Recv != nil && n.Name.Name == "ServeHTTP" {
			if tn := namedOf(fn.Type().(*types.Signature).Recv().Type()); tn != nil {
				sites = append(sites, r.typeLits[tn]...)
			}
		}
		for _, cur := range r.refs[fn] {
			switch v, u := valueOf(cur); u {
			case useValue:
				sites = append(sites, v)
			case useCall:
				called = true
			}
		}
	case *ast.FuncLit:
		if cur, ok := r.lits[n]; ok {
			sites = append(sites, cur)
		}
	}
	if len(sites) == 0 {
		d, ok := f.Node.(*ast.FuncDecl)
		if !ok {
			return !called
		}
		if ms := documentedMethods(d.Doc); len(ms) > 0 {
			return !called && safe(ms)
		}
		return !called && !mutatingName(d.Name.Name)
	}
	s := &seen{objs: make(map[types.Object]bool), routers: make(map[types.Object]bool)}
	for _, site := range sites {
		if r.exposedAt(site, s) {
			return true
		}
	}
	return false
}

// exposedAt follows the handler value at cur up to where it is
// registered.
func (r *routes) exposedAt(cur inspector.Cursor, s *seen) bool {
	info := r.pass.TypesInfo
	for range 64 {
		parent := cur.Parent()
		k, idx := cur.ParentEdge()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr, *ast.StarExpr:
			cur = parent
			continue
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				cur = parent
				continue
			}
		case *ast.CallExpr:
			if k != edge.CallExpr_Args {
				return true
			}
			if isConversion(info, p) || handlerLike(info.TypeOf(p)) {
				if r.coveredCall(p, idx, s) {
					return false
				}
				cur = parent
				continue
			}
			if r.coveredCall(p, idx, s) {
				return false
			}
			return r.servesGET(parent, p, idx)
		case *ast.AssignStmt:
			if k == edge.AssignStmt_Rhs && len(p.Lhs) == len(p.Rhs) {
				if obj := r.object(p.Lhs[idx]); obj != nil {
					return r.exposedObject(obj, s)
				}
			}
		case *ast.ValueSpec:
			if k == edge.ValueSpec_Values && len(p.Names) == len(p.Values) {
				if obj := info.Defs[p.Names[idx]]; obj != nil {
					return r.exposedObject(obj, s)
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := p.Key.(*ast.Ident); ok && k == edge.KeyValueExpr_Value {
				if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
					return r.exposedObject(v, s)
				}
			}
		case *ast.CompositeLit:
			if st, ok := underlying(info.TypeOf(p)).(*types.Struct); ok && idx < st.NumFields() {
				return r.exposedObject(st.Field(idx), s)
			}
		case *ast.ReturnStmt:
			return r.exposedReturn(parent, s)
		}
		return true
	}
	return true
}

// coveredCall reports whether a call that receives the handler as
// argument idx applies a no-store middleware to it: the called function
// is one, another argument is one, or the router or chain it is a method
// of uses one.
func (r *routes) coveredCall(call *ast.CallExpr, idx int, s *seen) bool {
	if r.noStoreExpr(call.Fun, 0) != "" {
		return true
	}
	for i, a := range call.Args {
		if i != idx && r.noStoreExpr(a, 0) != "" {
			return true
		}
	}
	if x := r.receiver(call); x != nil {
		return r.coveredChain(x, s)
	}
	return false
}

// receiver returns X of a method call X.m(...), or nil.
func (r *routes) receiver(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s, ok := r.pass.TypesInfo.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return nil
	}
	return sel.X
}

// coveredChain reports whether the router, group or chain x has a no-store
// middleware: given to a call that built it (r.With(mw), e.Group("/a",
// mw), alice.New(mw)), to the router it derives from, or in use on the
// variable or field that holds it.
func (r *routes) coveredChain(x ast.Expr, s *seen) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		if isConversion(r.pass.TypesInfo, x) {
			return r.coveredChain(x.Args[0], s)
		}
		for _, a := range x.Args {
			if r.noStoreExpr(a, 0) != "" {
				return true
			}
		}
		if recv := r.receiver(x); recv != nil {
			return r.coveredChain(recv, s)
		}
	case *ast.StarExpr:
		return r.coveredChain(x.X, s)
	case *ast.UnaryExpr:
		return r.coveredChain(x.X, s)
	case *ast.Ident, *ast.SelectorExpr:
		if obj := r.object(x); obj != nil {
			return r.coveredRouter(obj, s)
		}
	}
	return false
}

// coveredRouter reports whether the router held in obj has a no-store
// middleware: in use on it, on the router it was derived from, on the
// router that a Group or Route function receives it from, or on every
// router it is mounted on.
func (r *routes) coveredRouter(obj types.Object, s *seen) bool {
	if s.routers[obj] {
		return false
	}
	s.routers[obj] = true
	for _, mw := range r.uses[obj] {
		if r.noStoreExpr(mw, 0) != "" {
			return true
		}
	}
	for _, rhs := range r.defs[obj] {
		if r.coveredChain(rhs, s) {
			return true
		}
	}
	if v, ok := obj.(*types.Var); ok {
		if p, ok := r.params[v]; ok && r.coveredParam(p, s) {
			return true
		}
	}
	var sites []inspector.Cursor
	for _, cur := range r.refs[obj] {
		if v, u := valueOf(cur); u == useValue {
			sites = append(sites, v)
		}
	}
	for _, site := range sites {
		if r.exposedAt(site, s) {
			return false
		}
	}
	return len(sites) > 0
}

// coveredParam reports whether a router parameter is covered wherever its
// function is used: a function given to r.Group(fn) or r.Route(p, fn)
// gets a router derived from r; a function called as register(r) gets r.
func (r *routes) coveredParam(p param, s *seen) bool {
	var sites []inspector.Cursor
	switch fn := p.fn.Node().(type) {
	case *ast.FuncLit:
		sites = append(sites, p.fn)
	case *ast.FuncDecl:
		obj, ok := r.pass.TypesInfo.Defs[fn.Name].(*types.Func)
		if !ok {
			return false
		}
		for _, cur := range r.refs[obj] {
			if v, u := valueOf(cur); u == useValue || u == useCall {
				sites = append(sites, v)
			}
		}
	}
	for _, site := range sites {
		call, ok := site.Parent().Node().(*ast.CallExpr)
		if !ok {
			return false
		}
		switch k, _ := site.ParentEdge(); k {
		case edge.CallExpr_Fun:
			if p.index >= len(call.Args) || !r.coveredChain(call.Args[p.index], s) {
				return false
			}
		case edge.CallExpr_Args:
			if recv := r.receiver(call); recv == nil || !r.coveredChain(recv, s) {
				return false
			}
		default:
			return false
		}
	}
	return len(sites) > 0
}

// exposedObject reports whether a handler stored in a variable or field
// is exposed wherever that value goes.
func (r *routes) exposedObject(obj types.Object, s *seen) bool {
	if s.objs[obj] {
		return false
	}
	s.objs[obj] = true
	var sites []inspector.Cursor
	called := false
	for _, cur := range r.refs[obj] {
		switch v, u := valueOf(cur); u {
		case useValue:
			sites = append(sites, v)
		case useCall:
			called = true
		}
	}
	for _, site := range sites {
		if r.exposedAt(site, s) {
			return true
		}
	}
	return len(sites) == 0 && !called
}

// exposedReturn follows a handler returned by a function declaration to
// the calls of that function.
func (r *routes) exposedReturn(ret inspector.Cursor, s *seen) bool {
	for fn := range ret.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		d, ok := fn.Node().(*ast.FuncDecl)
		if !ok {
			return true
		}
		obj, ok := r.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if !ok || s.objs[obj] {
			return !ok
		}
		s.objs[obj] = true
		calls := 0
		for _, cur := range r.refs[obj] {
			if v, u := valueOf(cur); u == useCall {
				calls++
				if r.exposedAt(v.Parent(), s) {
					return true
				}
			}
		}
		return calls == 0
	}
	return true
}

// servesGET reports whether a registration may serve the handler for GET
// or HEAD, whose responses shared caches store. The methods come from the
// registering method's name (r.Get, e.POST), a method or "METHOD /path"
// pattern among the arguments (mux.HandleFunc("POST /x", h), r.Handle("PUT",
// ...), r.Method("DELETE", ...)), or gorilla/mux's Methods(...) on the
// route.
func (r *routes) servesGET(cur inspector.Cursor, call *ast.CallExpr, idx int) bool {
	methods := make(map[string]bool)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && httpMethod(strings.ToUpper(sel.Sel.Name)) {
		methods[strings.ToUpper(sel.Sel.Name)] = true
	}
	for i, a := range call.Args {
		if i == idx {
			continue
		}
		for _, s := range r.constStrings(a) {
			m, _, _ := strings.Cut(s, " ")
			if httpMethod(m) {
				methods[m] = true
			}
		}
	}
	if len(methods) == 0 {
		r.gorillaMethods(cur, call, methods)
	}
	return len(methods) == 0 || methods["GET"] || methods["HEAD"]
}

// gorillaMethods adds the arguments of Methods(...) calls on the route a
// gorilla/mux registration makes: r.Methods("POST").HandlerFunc(h) or
// r.HandleFunc("/x", h).Methods("POST").
func (r *routes) gorillaMethods(cur inspector.Cursor, call *ast.CallExpr, methods map[string]bool) {
	add := func(c *ast.CallExpr) {
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Methods" {
			for _, a := range c.Args {
				for _, s := range r.constStrings(a) {
					methods[strings.ToUpper(s)] = true
				}
			}
		}
	}
	for x := r.receiver(call); x != nil; {
		c, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			break
		}
		add(c)
		x = r.receiver(c)
	}
	for {
		if k, _ := cur.ParentEdge(); k != edge.SelectorExpr_X {
			return
		}
		cur = cur.Parent()
		if k, _ := cur.ParentEdge(); k != edge.CallExpr_Fun {
			return
		}
		cur = cur.Parent()
		add(cur.Node().(*ast.CallExpr))
	}
}

// constStrings returns the constant strings e denotes: a string constant
// or a slice literal of them.
func (r *routes) constStrings(e ast.Expr) []string {
	info := r.pass.TypesInfo
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		var out []string
		for _, elt := range lit.Elts {
			out = append(out, r.constStrings(elt)...)
		}
		return out
	}
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []string{constant.StringVal(tv.Value)}
	}
	return nil
}

func httpMethod(m string) bool {
	switch m {
	case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE", "QUERY":
		return true
	}
	return false
}

// underlying is t's underlying type, or nil.
func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}
