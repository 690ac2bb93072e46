package routes

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// param is a parameter of a function or function literal.
type param struct {
	fn    inspector.Cursor
	index int
}

// build indexes the package's non-test files, once, when first needed.
func (m *index) build() {
	if m.built {
		return
	}
	m.built = true
	m.refs = make(map[types.Object][]inspector.Cursor)
	m.lits = make(map[*ast.FuncLit]inspector.Cursor)
	m.typeLits = make(map[*types.TypeName][]inspector.Cursor)
	m.uses = make(map[types.Object][]middleware)
	m.defs = make(map[types.Object][]ast.Expr)
	m.params = make(map[*types.Var]param)
	m.idents = make(map[types.Object]*ast.Ident)
	m.stmts = make(map[types.Object]ast.Stmt)
	m.listed = make(map[*types.TypeName][]types.Type)
	m.decls = make(map[*types.Func]*ast.FuncDecl)
	m.forwarded = make(map[ast.Expr][]ast.Expr)
	m.calls = make(map[*ast.CallExpr]inspector.Cursor)
	info := m.pass.TypesInfo
	if m.insp == nil {
		return
	}
	defer m.addDispatch()
	var calls []inspector.Cursor
	defer func() { m.indexForwards(calls) }()
	filter := []ast.Node{(*ast.Ident)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil), (*ast.CompositeLit)(nil),
		(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)}
	for file := range m.insp.Root().Children() {
		if m.InTestFile(file.Node()) {
			continue
		}
		for cur := range file.Preorder(filter...) {
			switch n := cur.Node().(type) {
			case *ast.Ident:
				switch obj := info.Uses[n].(type) {
				case *types.Func, *types.Var:
					m.refs[obj] = append(m.refs[obj], cur)
				}
				if v, ok := info.Defs[n].(*types.Var); ok {
					m.idents[v] = n
				}
			case *ast.FuncLit:
				m.lits[n] = cur
				m.addParams(cur, n.Type)
			case *ast.FuncDecl:
				m.addParams(cur, n.Type)
				if fn, ok := info.Defs[n.Name].(*types.Func); ok {
					m.decls[fn] = n
				}
			case *ast.CompositeLit:
				if tn := NamedOf(info.TypeOf(n)); tn != nil {
					m.typeLits[tn] = append(m.typeLits[tn], cur)
				}
				m.addListed(n)
			case *ast.CallExpr:
				m.indexCall(cur, n)
				calls = append(calls, cur)
				m.calls[n] = cur
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE {
					m.addStmt(cur, n.Lhs)
				}
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if obj := m.object(lhs); obj != nil {
							m.defs[obj] = append(m.defs[obj], n.Rhs[i])
						}
					}
				}
			case *ast.ValueSpec:
				if k, _ := cur.Parent().ParentEdge(); k == edge.DeclStmt_Decl {
					names := make([]ast.Expr, len(n.Names))
					for i, id := range n.Names {
						names[i] = id
					}
					m.addStmt(cur.Parent().Parent(), names)
				}
				if len(n.Names) == len(n.Values) {
					for i, name := range n.Names {
						if obj := info.Defs[name]; obj != nil {
							m.defs[obj] = append(m.defs[obj], n.Values[i])
						}
					}
				}
			}
		}
	}
}

// addListed records the types whose values a slice, array or map
// literal of an interface type lists ([]Router{&FileRouter{}, ...}): the
// registries through which applications call each of them (see
// funcRefs).
func (m *index) addListed(lit *ast.CompositeLit) {
	var elem types.Type
	switch t := types.Unalias(m.pass.TypesInfo.TypeOf(lit)).Underlying().(type) {
	case *types.Slice:
		elem = t.Elem()
	case *types.Array:
		elem = t.Elem()
	case *types.Map:
		elem = t.Elem()
	default:
		return
	}
	if !types.IsInterface(elem) {
		return
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Value
		}
		if tn := NamedOf(m.pass.TypesInfo.TypeOf(e)); tn != nil {
			m.listed[tn] = append(m.listed[tn], elem)
		}
	}
}

// addDispatch indexes, by name, the methods of interfaces that the
// package uses (see funcRefs).
func (m *index) addDispatch() {
	m.dispatch = make(map[string][]*types.Func)
	for obj := range m.refs {
		if fn, ok := obj.(*types.Func); ok && interfaceMethod(fn) {
			m.dispatch[fn.Name()] = append(m.dispatch[fn.Name()], fn)
		}
	}
	for _, ims := range m.dispatch {
		slices.SortFunc(ims, func(a, b *types.Func) int { return cmp.Compare(a.Pos(), b.Pos()) })
	}
}

// funcRefs returns the uses of a function or method fn, counting a use
// of an interface's method as a use of fn when the package lists values
// of fn's type in a literal of that interface: routers are often
// registered through such a registry (for _, g := range
// []Router{&FileRouter{}, ...} { g.InitRouter(r) }).
func (m *index) funcRefs(fn *types.Func) []inspector.Cursor {
	refs := m.refs[fn]
	for _, im := range m.dispatch[fn.Name()] {
		if m.Listed(fn, im) {
			refs = append(slices.Clip(refs), m.refs[im]...)
		}
	}
	return refs
}

// Listed reports whether im is a method of an interface that fn, a
// method, implements, and the package lists values of fn's type in a
// literal of that interface.
func (m *index) Listed(fn, im *types.Func) bool {
	m.build()
	recv := fn.Type().(*types.Signature).Recv()
	tn := (*types.TypeName)(nil)
	if recv != nil {
		tn = NamedOf(recv.Type())
	}
	if tn == nil || fn.Name() != im.Name() {
		return false
	}
	iface := im.Type().(*types.Signature).Recv().Type()
	for _, t := range m.listed[tn] {
		if types.Identical(t, iface) {
			return true
		}
	}
	return false
}

// ListedVia returns the methods of the package's exported interfaces
// whose literals list values of fn's type (see Listed): other packages
// call fn through them.
func (m *index) ListedVia(fn *types.Func) []*types.Func {
	var out []*types.Func
	scope := m.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() || !types.IsInterface(tn.Type()) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(tn.Type(), false, m.pass.Pkg, fn.Name())
		if im, ok := obj.(*types.Func); ok && im.Pkg() == m.pass.Pkg && m.Listed(fn, im) {
			out = append(out, im)
		}
	}
	return out
}

func interfaceMethod(fn *types.Func) bool {
	recv := fn.Type().(*types.Signature).Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// addStmt records the statement at cur as where the local variables
// among names are declared.
func (m *index) addStmt(cur inspector.Cursor, names []ast.Expr) {
	for _, x := range names {
		if id, ok := x.(*ast.Ident); ok {
			if v, ok := m.pass.TypesInfo.Defs[id].(*types.Var); ok {
				m.stmts[v] = cur.Node().(ast.Stmt)
			}
		}
	}
}

// DefStmt returns the statement in a function body that declares the
// local variable obj, if it is the only one that sets it, or nil.
func (m *index) DefStmt(obj types.Object) ast.Stmt {
	m.build()
	if len(m.defs[obj]) != 1 {
		return nil
	}
	return m.stmts[obj]
}

// InTestFile reports whether n is in a _test.go file.
func (m *index) InTestFile(n ast.Node) bool {
	return strings.HasSuffix(m.pass.Fset.File(n.Pos()).Name(), "_test.go")
}

func (m *index) addParams(cur inspector.Cursor, ft *ast.FuncType) {
	i := 0
	for _, field := range ft.Params.List {
		for _, name := range field.Names {
			if v, ok := m.pass.TypesInfo.Defs[name].(*types.Var); ok {
				m.params[v] = param{cur, i}
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
func (m *index) indexCall(cur inspector.Cursor, call *ast.CallExpr) {
	info := m.pass.TypesInfo
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if b, ok := info.Uses[fun].(*types.Builtin); ok && b.Name() == "new" && len(call.Args) == 1 {
			if tn := NamedOf(info.TypeOf(call.Args[0])); tn != nil {
				m.typeLits[tn] = append(m.typeLits[tn], cur)
			}
		}
	case *ast.SelectorExpr:
		if httpfw.AddsMiddleware(fun.Sel.Name) {
			if obj := m.object(chainRouter(fun.X)); obj != nil {
				mw := middleware{always: m.unconditional(cur), call: call}
				if sel, ok := info.Selections[fun]; ok {
					mw.order = httpfw.UseOrder(sel.Obj().(*types.Func))
				}
				for _, a := range call.Args {
					mw.expr = a
					m.uses[obj] = append(m.uses[obj], mw)
				}
			}
		}
	}
}

// chainRouter returns the router of a chain of Use calls, whose results
// are the router they were called on (gin's and fiber's Use):
// g.Use(a).Use(b) adds b to g.
func chainRouter(x ast.Expr) ast.Expr {
	for {
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return x
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !httpfw.AddsMiddleware(sel.Sel.Name) {
			return x
		}
		x = sel.X
	}
}

// Defs returns the values assigned to a variable or field in the
// package's non-test files.
func (m *index) Defs(obj types.Object) []ast.Expr {
	m.build()
	return m.defs[obj]
}

// object returns the variable or field that x denotes, or nil.
func (m *index) object(x ast.Expr) types.Object {
	info := m.pass.TypesInfo
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

// Unconditional reports whether n, in function fn, runs whenever fn does:
// it is in no if, switch, select or loop of fn (nested function literals
// are not entered).
func Unconditional(fn, n ast.Node) bool {
	ok := true
	ast.Inspect(fn, func(x ast.Node) bool {
		if x == nil || !ok || x.Pos() > n.Pos() || x.End() < n.End() {
			return false
		}
		switch x.(type) {
		case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt:
			ok = false
		case *ast.FuncLit:
			return x == fn
		}
		return true
	})
	return ok
}
