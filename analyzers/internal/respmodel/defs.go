package respmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// defs indexes, for one package, every assignment to variables and struct
// fields, so values can be followed to their definition and literals to the
// field assignments made after them.
type defs struct {
	assigns   map[types.Object][]assignment
	fields    map[types.Object][]fieldAssign
	addrTaken map[types.Object]bool
}

// An assignment gives a variable (or struct field) a value.
type assignment struct {
	rhs     ast.Expr // nil: declared without an initializer
	opaque  bool     // a value that cannot be followed (tuple, x += y, range)
	stmt    ast.Node
	block   ast.Node // innermost enclosing block; nil at package level
	pkgDecl bool     // a package-level var declaration
	// conditional: inside an if, switch, select or loop of its function.
	conditional bool
	fn          ast.Node // innermost enclosing function; nil at package level
	// post: the post statement of a for loop, which a loop that runs no
	// iteration skips.
	post bool
	// tuple is the one right-hand side of an assignment of several
	// variables (c, err := newCookie()), of which the variable gets
	// result index; the assignment is opaque all the same.
	tuple ast.Expr
	index int
}

// A fieldAssign sets a field reached from obj: obj.path[0].path[1]... = rhs.
type fieldAssign struct {
	path        []string
	rhs         ast.Expr
	stmt        ast.Node
	block       ast.Node
	conditional bool // inside an if, switch, select or loop of its function
}

func indexDefs(info *types.Info, insp *inspector.Inspector) *defs {
	d := &defs{
		assigns:   make(map[types.Object][]assignment),
		fields:    make(map[types.Object][]fieldAssign),
		addrTaken: make(map[types.Object]bool),
	}
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil), (*ast.KeyValueExpr)(nil)}
	insp.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		block := enclosingBlock(stack)
		cond := isConditional(stack)
		fn := enclosingFunc(stack)
		switch n := n.(type) {
		case *ast.AssignStmt:
			post := false
			if len(stack) > 1 {
				if f, ok := stack[len(stack)-2].(*ast.ForStmt); ok && f.Post == n {
					post = true
				}
			}
			for i, lhs := range n.Lhs {
				a := assignment{stmt: n, block: block, conditional: cond, fn: fn, post: post}
				switch {
				case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
					a.opaque = true
				case len(n.Lhs) == len(n.Rhs):
					a.rhs = n.Rhs[i]
				default:
					a.opaque = true
					if len(n.Rhs) == 1 {
						a.tuple, a.index = n.Rhs[0], i
					}
				}
				d.record(info, lhs, a)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				a := assignment{stmt: n, block: block, pkgDecl: block == nil, fn: fn}
				switch {
				case len(n.Values) == 0:
				case len(n.Values) == len(n.Names):
					a.rhs = n.Values[i]
				default:
					a.opaque = true
					if len(n.Values) == 1 {
						a.tuple, a.index = n.Values[0], i
					}
				}
				if obj := info.Defs[name]; obj != nil {
					d.assigns[obj] = append(d.assigns[obj], a)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if obj := rootObject(info, n.X); obj != nil {
					d.addrTaken[obj] = true
				}
			}
		case *ast.KeyValueExpr:
			// A keyed struct literal element assigns the field.
			if id, ok := n.Key.(*ast.Ident); ok {
				if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
					d.assigns[f] = append(d.assigns[f], assignment{rhs: n.Value, stmt: n, block: block, conditional: cond})
				}
			}
		case *ast.IncDecStmt:
			d.record(info, n.X, assignment{opaque: true, stmt: n, block: block, fn: fn})
		case *ast.RangeStmt:
			for _, x := range []ast.Expr{n.Key, n.Value} {
				if x != nil {
					d.record(info, x, assignment{opaque: true, stmt: n, block: block, fn: fn})
				}
			}
		}
		return true
	})
	return d
}

// record notes an assignment to lhs: a variable, or a field path from a
// variable or field, recorded under every object along the path.
func (d *defs) record(info *types.Info, lhs ast.Expr, a assignment) {
	lhs = ast.Unparen(lhs)
	if id, ok := lhs.(*ast.Ident); ok {
		obj := info.ObjectOf(id)
		if obj != nil {
			d.assigns[obj] = append(d.assigns[obj], a)
		}
		return
	}
	sel, ok := lhs.(*ast.SelectorExpr)
	if !ok {
		return
	}
	if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
		d.assigns[s.Obj()] = append(d.assigns[s.Obj()], a)
	}
	var path []string
	for x := ast.Expr(sel); ; {
		x = ast.Unparen(x)
		switch e := x.(type) {
		case *ast.SelectorExpr:
			if v := qualifiedVar(info, e); v != nil {
				d.fields[v] = append(d.fields[v], fieldAssign{path: path, rhs: a.rhs, stmt: a.stmt, block: a.block, conditional: a.conditional})
				return
			}
			path = append([]string{e.Sel.Name}, path...)
			if s, ok := info.Selections[e]; ok && s.Kind() == types.FieldVal && len(path) > 1 {
				d.fields[s.Obj()] = append(d.fields[s.Obj()], fieldAssign{path: path[1:], rhs: a.rhs, stmt: a.stmt, block: a.block, conditional: a.conditional})
			}
			x = e.X
			continue
		case *ast.Ident:
			if obj := info.ObjectOf(e); obj != nil {
				d.fields[obj] = append(d.fields[obj], fieldAssign{path: path, rhs: a.rhs, stmt: a.stmt, block: a.block, conditional: a.conditional})
			}
		case *ast.StarExpr:
			x = e.X
			continue
		}
		return
	}
}

// single returns the one definition of obj, if it has exactly one that can
// be followed and its address is never taken. rhs is nil for a declaration
// without initializer.
func (d *defs) single(obj types.Object) (rhs ast.Expr, ok bool) {
	as := d.assigns[obj]
	if len(as) != 1 || as[0].opaque || d.addrTaken[obj] {
		return nil, false
	}
	return as[0].rhs, true
}

// definition is like single but ignores address-taking, for struct values
// such as cookies whose address is passed to the sink.
func (d *defs) definition(obj types.Object) (assignment, bool) {
	as := d.assigns[obj]
	if len(as) != 1 || as[0].opaque {
		return assignment{}, false
	}
	return as[0], true
}

// tupleDefinition returns the one definition of obj when it is one result
// of a call with several (c, err := newCookie()), ignoring
// address-taking like definition.
func (d *defs) tupleDefinition(obj types.Object) (assignment, bool) {
	as := d.assigns[obj]
	if len(as) != 1 || as[0].tuple == nil {
		return assignment{}, false
	}
	return as[0], true
}

// rootObject returns the variable or field that x denotes, if any.
func rootObject(info *types.Info, x ast.Expr) types.Object {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return info.ObjectOf(x)
	case *ast.SelectorExpr:
		if s, ok := info.Selections[x]; ok && s.Kind() == types.FieldVal {
			return s.Obj()
		}
		if v := qualifiedVar(info, x); v != nil {
			return v
		}
	}
	return nil
}

// qualifiedVar returns the variable of another package that x, such as
// middleware.Store, denotes, or nil.
func qualifiedVar(info *types.Info, x *ast.SelectorExpr) *types.Var {
	id, ok := x.X.(*ast.Ident)
	if !ok {
		return nil
	}
	if _, ok := info.Uses[id].(*types.PkgName); !ok {
		return nil
	}
	v, _ := info.Uses[x.Sel].(*types.Var)
	return v
}

// enclosingBlock returns the innermost statement list around the top of
// stack, or nil at package level.
func enclosingBlock(stack []ast.Node) ast.Node {
	for i := len(stack) - 2; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return s
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		}
	}
	return nil
}

// enclosingFunc returns the innermost function declaration or literal
// around the top of stack, or nil at package level.
func enclosingFunc(stack []ast.Node) ast.Node {
	for i := len(stack) - 2; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return s
		}
	}
	return nil
}

// isConditional reports whether the top of stack runs only on some paths
// of its function: inside an if, switch, select or loop.
func isConditional(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
	}
	return false
}
