package jsonvalue

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// Blanking: a handler that sets a field to a zero value or a constant
// mask before writing the value (u.Password = "", a loop doing so for
// each element, or a sanitizing method such as u.HideSecrets()) does not
// send what the field held.

// BlanksFact is exported for a function or method that blanks fields of
// its receiver or of parameters it receives by pointer, so that callers
// in any package know what a call leaves blank.
type BlanksFact struct {
	Blanks []Blank
}

// A Blank is a field a function blanks: Path (".Password", or
// ".Filters", ".Secret") from its receiver (Param -1) or parameter Param.
type Blank struct {
	Param int
	Path  []string
}

func (*BlanksFact) AFact() {}

func (f *BlanksFact) String() string { return "blanks fields" }

// maxBlankDepth bounds how many calls deep blanking is followed.
const maxBlankDepth = 4

// cleared returns the field paths of variable obj that the function of
// scope s blanks on every path to position at: by assignment, in a range
// loop over obj, or by a call that blanks what it is given. A blank on
// one branch only leaves the other paths sending the field.
func (m *Model) cleared(obj types.Object, s Scope, at token.Pos) [][]string {
	var out [][]string
	for fa := range m.host.Fields(obj) {
		if fa.Stmt.Pos() < at && m.isBlank(fa.Rhs) && len(fa.Path) > 0 && m.everyPath(fa.Stmt, obj, at) {
			out = append(out, fieldSteps(nil, fa.Path))
		}
	}
	if s.Node == nil {
		return out
	}
	ast.Inspect(s.Node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if n.Pos() < at {
				if b := m.callBlanks(n, obj, nil, 0); len(b) > 0 && m.everyPath(n, obj, at) {
					out = append(out, b...)
				}
			}
		case *ast.RangeStmt:
			if n.Pos() < at {
				if b := m.rangeBlanks(n, obj); len(b) > 0 && m.everyPath(n, obj, at) {
					out = append(out, b...)
				}
			}
		case *ast.ForStmt:
			if n.Pos() < at {
				if b := m.forBlanks(n, obj); len(b) > 0 && m.everyPath(n, obj, at) {
					out = append(out, b...)
				}
			}
		}
		return true
	})
	return out
}

// rangeBlanks returns the element fields a range loop over obj, or over
// a field of it (s.SMTP), blanks: users[i].Password = "" in
// for i := range users, and, when the elements are pointers,
// u.Password = "" or u.Hide() in for _, u := range users.
func (m *Model) rangeBlanks(rs *ast.RangeStmt, obj types.Object) [][]string {
	fields, ok := m.fieldPath(rs.X, obj)
	if !ok {
		return nil
	}
	elem := "[i]"
	if _, ok := m.info.TypeOf(rs.X).Underlying().(*types.Map); ok {
		elem = "[key]"
	}
	prefix := append(fieldSteps(nil, fields), elem)
	var out [][]string
	var value, key types.Object
	if id, ok := rs.Value.(*ast.Ident); ok && isPointer(m.info.TypeOf(id)) {
		value = m.info.ObjectOf(id)
	}
	if id, ok := rs.Key.(*ast.Ident); ok {
		key = m.info.ObjectOf(id)
	}
	if value != nil {
		for fa := range m.host.Fields(value) {
			if isPos(rs.Body, fa.Stmt.Pos()) && m.isBlank(fa.Rhs) {
				out = append(out, fieldSteps(prefix, fa.Path))
			}
		}
	}
	out = append(out, m.indexBlanks(rs.Body, rs.X, key, prefix)...)
	if value != nil {
		ast.Inspect(rs.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				out = append(out, m.callBlanks(call, value, prefix, 0)...)
			}
			return true
		})
	}
	return out
}

// forBlanks is rangeBlanks for a counted loop over obj, or over a field
// of it: for i := 0; i < len(users); i++ { users[i].Password = "" }.
func (m *Model) forBlanks(fs *ast.ForStmt, obj types.Object) [][]string {
	init, ok := fs.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 {
		return nil
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	cond, ok2 := ast.Unparen(fs.Cond).(*ast.BinaryExpr)
	if !ok || !ok2 || cond.Op != token.LSS {
		return nil
	}
	n, ok := ast.Unparen(cond.Y).(*ast.CallExpr)
	if !ok || len(n.Args) != 1 || !m.builtin(n, "len") {
		return nil
	}
	x := n.Args[0]
	fields, ok := m.fieldPath(x, obj)
	if !ok {
		return nil
	}
	return m.indexBlanks(fs.Body, x, m.info.ObjectOf(id), append(fieldSteps(nil, fields), "[i]"))
}

// indexBlanks returns the element fields that assignments in a loop body
// blank through the loop's index key: x[key].Password = "".
func (m *Model) indexBlanks(body *ast.BlockStmt, x ast.Expr, key types.Object, prefix []string) [][]string {
	var out [][]string
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, lhs := range as.Lhs {
			if path, ok := m.indexedField(lhs, x, key); ok && m.isBlank(as.Rhs[i]) {
				out = append(out, fieldSteps(prefix, path))
			}
		}
		return true
	})
	return out
}

// fieldPath reports whether e is obj or a field selection from it
// (obj.a.b), and returns the fields a, b.
func (m *Model) fieldPath(e ast.Expr, obj types.Object) ([]string, bool) {
	var path []string
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return path, m.info.Uses[x] == obj
		case *ast.SelectorExpr:
			if sel, ok := m.info.Selections[x]; !ok || sel.Kind() != types.FieldVal {
				return nil, false
			}
			path = append([]string{x.Sel.Name}, path...)
			e = x.X
		default:
			return nil, false
		}
	}
}

// callBlanks returns the paths, under prefix, of the fields of obj that
// call blanks: obj (or &obj) is its receiver or an argument for a
// parameter the callee blanks fields of.
func (m *Model) callBlanks(call *ast.CallExpr, obj types.Object, prefix []string, depth int) [][]string {
	fn := funcs.Called(m.info, call)
	if fn == nil {
		return nil
	}
	var out [][]string
	for _, b := range m.funcBlanks(fn, depth) {
		var arg ast.Expr
		if b.Param < 0 {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				arg = sel.X
			}
		} else if b.Param < len(call.Args) {
			arg = call.Args[b.Param]
		}
		if arg != nil && m.names(arg, obj) {
			out = append(out, append(append([]string(nil), prefix...), b.Path...))
		}
	}
	return out
}

// names reports whether e is obj, or &obj, or *obj.
func (m *Model) names(e ast.Expr, obj types.Object) bool {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			e = ast.Unparen(x.X)
		}
	case *ast.StarExpr:
		e = ast.Unparen(x.X)
	}
	id, ok := e.(*ast.Ident)
	return ok && m.info.Uses[id] == obj
}

// funcBlanks returns what a function blanks: from its declaration in
// this package, or from its fact.
func (m *Model) funcBlanks(fn *types.Func, depth int) []Blank {
	fn = fn.Origin()
	if d, ok := m.decls[fn]; ok {
		if b, ok := m.blanks[fn]; ok {
			return b
		}
		m.blanks[fn] = nil // a recursive call blanks nothing more
		if depth >= maxBlankDepth {
			return nil
		}
		b := m.declBlanks(d, depth)
		m.blanks[fn] = b
		return b
	}
	var fact BlanksFact
	if fn.Pkg() != m.pass.Pkg && m.pass.ImportObjectFact(fn, &fact) {
		return fact.Blanks
	}
	return nil
}

// declBlanks computes what a function declared in this package blanks
// of its pointer receiver and of its parameters that point to types of
// this package (what a sanitizer works on): by assignment, or by calling
// something that blanks them.
func (m *Model) declBlanks(d *ast.FuncDecl, depth int) []Blank {
	fn, ok := m.info.Defs[d.Name].(*types.Func)
	if !ok || d.Body == nil {
		return nil
	}
	sig := fn.Signature()
	var targets []*types.Var
	var params []int
	if r := sig.Recv(); r != nil && isPointer(r.Type()) {
		targets, params = append(targets, r), append(params, -1)
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if p := sig.Params().At(i); m.pointsToOwn(p.Type()) {
			targets, params = append(targets, p), append(params, i)
		}
	}
	var out []Blank
	for i, v := range targets {
		for fa := range m.host.Fields(v) {
			if isPos(d.Body, fa.Stmt.Pos()) && m.isBlank(fa.Rhs) && len(fa.Path) > 0 {
				out = append(out, Blank{params[i], fieldSteps(nil, fa.Path)})
			}
		}
		ast.Inspect(d.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				for _, p := range m.callBlanks(call, v, nil, depth+1) {
					out = append(out, Blank{params[i], p})
				}
			}
			return true
		})
	}
	return out
}

// exportValueFacts exports the BlanksFact of an exported function that
// blanks fields, and its EmptiesFact, FillsFact and ReturnsFact, in the
// user's own code: sanitizers
// (u.HideSecrets()) and repositories live beside the models they clean
// and load. The thousands of field-resetting
// methods of the standard library and of modules in the module cache
// are left out; each fact is copied into every package that imports
// its package, directly or not.
func (m *Model) exportValueFacts(d *ast.FuncDecl) {
	fn, ok := m.info.Defs[d.Name].(*types.Func)
	if !ok || !fn.Exported() || !m.own {
		return
	}
	if b := m.funcBlanks(fn, 0); len(b) > 0 {
		m.pass.ExportObjectFact(fn, &BlanksFact{Blanks: b})
	}
	m.exportEmpties(fn)
	m.exportFills(fn)
	m.exportReturns(fn)
}

// exportAllValueFacts exports the value facts of every function of the
// package, for a package whose functions are not otherwise summarised.
func (m *Model) exportAllValueFacts() {
	if !m.own {
		return
	}
	var decls []*ast.FuncDecl
	for _, f := range m.pass.Files {
		for _, decl := range f.Decls {
			if d, ok := decl.(*ast.FuncDecl); ok && d.Body != nil {
				if fn, ok := m.info.Defs[d.Name].(*types.Func); ok {
					m.decls[fn] = d
					decls = append(decls, d)
				}
			}
		}
	}
	for _, d := range decls {
		m.exportValueFacts(d)
	}
}

// blankedIn returns, for each variable a composite literal e puts in the
// body (gin.H{"user": u}), the fields of it blanked before at.
func (m *Model) blankedIn(e ast.Expr, s Scope, at token.Pos, depth int) map[*ast.Ident][][]string {
	lit := compositeLit(ast.Unparen(e))
	if lit == nil || depth == maxSlotDepth {
		return nil
	}
	var out map[*ast.Ident][][]string
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		if id, ok := ast.Unparen(elt).(*ast.Ident); ok {
			if obj, ok := m.info.Uses[id].(*types.Var); ok {
				if c := m.emptyAt(obj, s, at, 0); len(c) > 0 {
					if out == nil {
						out = make(map[*ast.Ident][][]string)
					}
					out[id] = c
				}
			}
			continue
		}
		for id, c := range m.blankedIn(elt, s, at, depth+1) {
			if out == nil {
				out = make(map[*ast.Ident][][]string)
			}
			out[id] = c
		}
	}
	return out
}

// indexedField reports whether lhs is x[key].f.g, with x the ranged
// expression and key the range key, and returns f, g.
func (m *Model) indexedField(lhs, x ast.Expr, key types.Object) ([]string, bool) {
	var path []string
	for {
		switch e := ast.Unparen(lhs).(type) {
		case *ast.SelectorExpr:
			path = append([]string{e.Sel.Name}, path...)
			lhs = e.X
			continue
		case *ast.IndexExpr:
			k, ok := ast.Unparen(e.Index).(*ast.Ident)
			return path, ok && key != nil && len(path) > 0 && m.info.Uses[k] == key && sameVar(m.info, e.X, x)
		}
		return nil, false
	}
}

// sameVar reports whether a and b denote the same variable or field
// selection from one (users, s.SMTP).
func sameVar(info *types.Info, a, b ast.Expr) bool {
	switch a := ast.Unparen(a).(type) {
	case *ast.Ident:
		b, ok := ast.Unparen(b).(*ast.Ident)
		return ok && info.Uses[a] != nil && info.Uses[a] == info.Uses[b]
	case *ast.SelectorExpr:
		b, ok := ast.Unparen(b).(*ast.SelectorExpr)
		return ok && a.Sel.Name == b.Sel.Name && info.Uses[a.Sel] == info.Uses[b.Sel] && sameVar(info, a.X, b.X)
	}
	return false
}

func fieldSteps(prefix, fields []string) []string {
	out := prefix
	for _, f := range fields {
		out = append(out, "."+f)
	}
	return out
}

// pointsToOwn reports whether t is a pointer to a type of this package.
func (m *Model) pointsToOwn(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() == m.pass.Pkg
}

func isPointer(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// isPos reports whether p lies within n.
func isPos(n ast.Node, p token.Pos) bool { return n.Pos() <= p && p < n.End() }

// isBlank reports whether e holds no data of its own: a constant (a zero
// value or a mask such as "***"), nil, an empty composite literal, or a
// mask as long as the secret (strings.Repeat("*", len(s))).
func (m *Model) isBlank(e ast.Expr) bool {
	if e == nil {
		return false
	}
	e = ast.Unparen(e)
	tv, ok := m.info.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() || tv.Value != nil {
		return true
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		return len(lit.Elts) == 0
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || !tv.IsValue() {
		return false
	}
	if ft, ok := m.info.Types[call.Fun]; ok && ft.IsType() && len(call.Args) == 1 {
		return m.isBlank(call.Args[0]) // []byte(nil), Secret("")
	}
	if fn := funcs.Called(m.info, call); fn != nil && fn.Name() == "Repeat" && (httpfw.PkgPath(fn) == "strings" || httpfw.PkgPath(fn) == "bytes") && len(call.Args) == 2 {
		return m.isBlank(call.Args[0])
	}
	return false
}
