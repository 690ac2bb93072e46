package jsonvalue

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// Emptiness: what a value cannot hold when it is written. Besides the
// fields a handler blanks (blank.go), a value is empty where the query
// that loaded it left columns out (gorm.go), and entirely when it is
// nil or the zero value on every path (a stub returning nil, nil). A
// function's results carry this to its callers, in any package, through
// EmptiesFact: a repository method that loads users without their
// password hash.
//
// Paths are as Value.Cleared has them; the empty path stands for the
// whole value.

// EmptiesFact is exported for a function some of whose results are
// empty on every path: Results[i] lists the paths of result i. Cases say
// what they are empty in when a boolean parameter is given a constant
// (GetUser(id, false) loads no password hash).
type EmptiesFact struct {
	Results [][][]string
	Cases   []EmptiesCase
}

// An EmptiesCase is what a function's results are empty in when its
// boolean parameter Param is Value.
type EmptiesCase struct {
	Param   int
	Value   bool
	Results [][][]string
}

func (*EmptiesFact) AFact() {}

func (f *EmptiesFact) String() string { return "empties results" }

// maxEmptyDepth bounds how many functions deep emptiness is followed.
const maxEmptyDepth = 4

// emptyAt returns the paths of variable obj that are empty at position
// at of scope s: blanked on every path to at, left out by the query that
// filled it, or the whole of it when every value it is given is nil or
// zero, or is a result its function leaves empty there.
func (m *Model) emptyAt(obj types.Object, s Scope, at token.Pos, depth int) [][]string {
	out := m.cleared(obj, s, at)
	if s.Node == nil || depth >= maxEmptyDepth {
		return out
	}
	if loaded, ok := m.queried(obj, s, at); ok {
		return append(out, loaded...)
	}
	if m.host.AddrTaken(obj) || m.passedOn(obj, s, at, nil) {
		return out
	}
	var sets [][][]string
	for a := range m.host.Assigns(obj) {
		if a.Stmt.Pos() < at && !m.dead(a.Stmt) {
			sets = append(sets, m.assignedEmpty(obj, a, s, depth))
		}
	}
	sets = append(sets, m.elementsSet(obj, s, at, depth)...)
	return append(out, m.refilled(obj, intersect(sets), at)...)
}

// refilled returns the paths of empty that no assignment to a field of
// obj before at, on any path, may fill (u.APIToken = src.APIToken under
// if exposeCreds): an empty value whose fields are set becomes the
// fields that are not.
func (m *Model) refilled(obj types.Object, empty [][]string, at token.Pos) [][]string {
	var set [][]string
	for fa := range m.host.Fields(obj) {
		if fa.Stmt.Pos() < at && !m.isZero(fa.Rhs) && !m.dead(fa.Stmt) {
			set = append(set, fieldSteps(nil, fa.Path))
		}
	}
	if len(set) == 0 {
		return empty
	}
	var out [][]string
	for _, p := range empty {
		if len(p) == 0 {
			if st, ok := derefStruct(obj.Type()); ok {
				for f := range st.Fields() {
					if q := []string{"." + f.Name()}; !Covers(set, q) && !coversAny(q, set) {
						out = append(out, q)
					}
				}
			}
			continue
		}
		if !Covers(set, p) && !coversAny(p, set) {
			out = append(out, p)
		}
	}
	return out
}

// coversAny reports whether p leads to one of paths.
func coversAny(p []string, paths [][]string) bool {
	for _, q := range paths {
		if Covers([][]string{p}, q) {
			return true
		}
	}
	return false
}

// assignedEmpty returns what one assignment leaves empty in obj.
func (m *Model) assignedEmpty(obj types.Object, a Assign, s Scope, depth int) [][]string {
	switch {
	case a.Opaque:
		as, ok := a.Stmt.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return nil
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return nil
		}
		for i, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && m.info.ObjectOf(id) == obj {
				return m.resultEmpty(call, i, depth)
			}
		}
		return nil
	case a.Rhs == nil:
		if nilable(obj.Type()) {
			return [][]string{{}}
		}
		return nil // a struct a method may fill through its receiver
	}
	if call, ok := ast.Unparen(a.Rhs).(*ast.CallExpr); ok && m.builtin(call, "append") && len(call.Args) > 0 && m.names(call.Args[0], obj) {
		// users = append(users, u): what the new elements are empty in
		if call.Ellipsis.IsValid() {
			return nil
		}
		var sets [][][]string
		for _, e := range call.Args[1:] {
			sets = append(sets, prefixAll("[i]", m.exprEmpty(e, s, a.Stmt.Pos(), depth)))
		}
		return intersect(sets)
	}
	return m.exprEmpty(a.Rhs, s, a.Stmt.Pos(), depth)
}

// elementsSet returns what each assignment to an element of obj before
// at (users[i] = *NewUser(src[i])) leaves empty in the elements.
func (m *Model) elementsSet(obj types.Object, s Scope, at token.Pos, depth int) [][][]string {
	var sets [][][]string
	ast.Inspect(s.Node, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Pos() >= at || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, lhs := range as.Lhs {
			if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && m.names(ix.X, obj) && !m.dead(as) {
				sets = append(sets, prefixAll("[i]", m.exprEmpty(as.Rhs[i], s, as.Pos(), depth)))
			}
		}
		return true
	})
	return sets
}

func prefixAll(step string, paths [][]string) [][]string {
	out := make([][]string, len(paths))
	for i, p := range paths {
		out[i] = append([]string{step}, p...)
	}
	return out
}

// readsBuiltin reports whether call is of a built-in function that does
// not change what it is given: len, cap, append (which copies), min, max.
func (m *Model) readsBuiltin(call *ast.CallExpr) bool {
	for _, name := range []string{"len", "cap", "append", "min", "max"} {
		if m.builtin(call, name) {
			return true
		}
	}
	return false
}

// builtin reports whether call calls the built-in function name.
func (m *Model) builtin(call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := m.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// exprEmpty returns the paths of the value of e that are empty.
func (m *Model) exprEmpty(e ast.Expr, s Scope, at token.Pos, depth int) [][]string {
	e = ast.Unparen(e)
	if m.isZero(e) {
		return [][]string{{}}
	}
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return m.exprEmpty(x.X, s, at, depth)
		}
	case *ast.StarExpr:
		return m.exprEmpty(x.X, s, at, depth)
	case *ast.CompositeLit:
		return m.unsetFields(x)
	case *ast.Ident:
		if obj, ok := m.info.ObjectOf(x).(*types.Var); ok && !obj.IsField() {
			return m.emptyAt(obj, s, at, depth+1)
		}
	case *ast.CallExpr:
		if m.builtin(x, "make") {
			return [][]string{{"[i]"}} // its elements are zero
		}
		return m.resultEmpty(x, 0, depth)
	}
	return nil
}

// unsetFields returns the fields a keyed struct literal does not set, or
// sets to a zero value. A constant that is not zero may be what a
// stand-in or a fixture stores ("$2a$10$..."): it counts as set.
func (m *Model) unsetFields(lit *ast.CompositeLit) [][]string {
	st, ok := m.info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok || len(lit.Elts) == 0 {
		return nil
	}
	set := make(map[string]bool)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil // positional: every field is set
		}
		if id, ok := kv.Key.(*ast.Ident); ok && !m.isZero(kv.Value) {
			set[id.Name] = true
		}
	}
	var out [][]string
	for f := range st.Fields() {
		if !set[f.Name()] {
			out = append(out, []string{"." + f.Name()})
		}
	}
	return out
}

// isZero reports whether e is a zero value: nil, a zero constant, or an
// empty composite literal.
func (m *Model) isZero(e ast.Expr) bool {
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		return len(lit.Elts) == 0
	}
	tv, ok := m.info.Types[e]
	if !ok {
		return false
	}
	switch {
	case tv.IsNil():
		return true
	case tv.Value == nil:
		return false
	case tv.Value.Kind() == constant.String:
		return constant.StringVal(tv.Value) == ""
	case tv.Value.Kind() == constant.Bool:
		return !constant.BoolVal(tv.Value)
	}
	return constant.Sign(tv.Value) == 0
}

// setFields returns the fields a keyed struct literal sets to a value
// that is not zero; a positional one sets the whole value.
func (m *Model) setFields(lit *ast.CompositeLit) [][]string {
	var out [][]string
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return [][]string{{}}
		}
		if id, ok := kv.Key.(*ast.Ident); ok && !m.isZero(kv.Value) {
			out = append(out, []string{"." + id.Name})
		}
	}
	return out
}

// resultEmpty returns what result i of call is empty in.
func (m *Model) resultEmpty(call *ast.CallExpr, i, depth int) [][]string {
	fn := funcs.Called(m.info, call)
	if fn == nil {
		return nil
	}
	f := m.funcEmpties(fn, depth+1)
	if f == nil {
		return nil
	}
	rs := f.Results
	for _, c := range f.Cases {
		if c.Param < len(call.Args) {
			v, ok := m.constBool(call.Args[c.Param])
			if !ok {
				v, ok = m.assumed(call.Args[c.Param])
			}
			if ok && v == c.Value {
				rs = c.Results
				break
			}
		}
	}
	if i < len(rs) {
		return rs[i]
	}
	return nil
}

// funcEmpties returns what the results of fn are empty in on every
// return: from its declaration in this package, or from its fact.
func (m *Model) funcEmpties(fn *types.Func, depth int) *EmptiesFact {
	fn = fn.Origin()
	d, ok := m.decls[fn]
	if !ok {
		var fact EmptiesFact
		if fn.Pkg() != m.pass.Pkg && m.pass.ImportObjectFact(fn, &fact) {
			return &fact
		}
		return nil
	}
	if f, ok := m.empties[fn]; ok {
		return f
	}
	m.empties[fn] = nil // a recursive call leaves nothing known
	if depth >= maxEmptyDepth || !hasValueResult(fn) {
		return nil
	}
	saved := m.assume // the caller's assumptions are about its own parameters
	m.assume = nil
	f := &EmptiesFact{Results: m.declEmpties(d, depth)}
	f.Cases = m.emptyCases(fn, d, depth, f.Results)
	m.assume = saved
	if f.Results == nil && f.Cases == nil {
		f = nil
	}
	m.empties[fn] = f
	return f
}

// maxCaseParams bounds how many boolean parameters emptyCases tries.
const maxCaseParams = 2

// emptyCases returns what d's results are empty in when one of its
// boolean parameters is false, or true, where that differs from general.
func (m *Model) emptyCases(fn *types.Func, d *ast.FuncDecl, depth int, general [][][]string) []EmptiesCase {
	var out []EmptiesCase
	params := fn.Signature().Params()
	tried := 0
	for i := 0; i < params.Len() && tried < maxCaseParams; i++ {
		p := params.At(i)
		if b, ok := p.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
			continue
		}
		tried++
		for _, v := range []bool{false, true} {
			m.assume = map[types.Object]bool{p: v}
			rs := m.declEmpties(d, depth)
			m.assume = nil
			if rs != nil && !reflect.DeepEqual(rs, general) {
				out = append(out, EmptiesCase{Param: i, Value: v, Results: rs})
			}
		}
	}
	return out
}

// dead reports whether n is in a branch that the current assumption
// about a boolean parameter rules out: if p { n } with p false.
func (m *Model) dead(n ast.Node) bool {
	if len(m.assume) == 0 {
		return false
	}
	cur, ok := m.insp.Root().FindByPos(n.Pos(), n.End())
	if !ok {
		return false
	}
	for c := range cur.Enclosing((*ast.IfStmt)(nil)) {
		is := c.Node().(*ast.IfStmt)
		v, ok := m.assumed(is.Cond)
		if !ok {
			continue
		}
		if !v && isPos(is.Body, n.Pos()) || v && is.Else != nil && isPos(is.Else, n.Pos()) {
			return true
		}
	}
	return false
}

// assumed evaluates a condition on an assumed parameter: p or !p.
func (m *Model) assumed(e ast.Expr) (bool, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := m.assume[m.info.Uses[x]]
		return v, ok
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			v, ok := m.assumed(x.X)
			return !v, ok
		}
	}
	return false, false
}

// constBool returns the value of a boolean constant.
func (m *Model) constBool(e ast.Expr) (bool, bool) {
	tv, ok := m.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// declEmpties intersects, per result, what each return statement of d
// leaves empty. A return that answers an error (see errorReturns) is
// left out: callers do not use the other results then.
func (m *Model) declEmpties(d *ast.FuncDecl, depth int) [][][]string {
	n := d.Type.Results.NumFields()
	per := make([][][][]string, n)
	var named []ast.Expr
	for _, f := range d.Type.Results.List {
		for _, name := range f.Names {
			named = append(named, name)
		}
	}
	s := m.host.Scope(d)
	known := false
	failed := m.errorReturns(d.Type, d.Body, named)
	ast.Inspect(d.Body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if m.dead(x) || failed[x] {
				return false
			}
			results := x.Results
			if len(results) == 0 {
				results = named // a bare return returns the named results
			}
			if len(results) != n {
				per = nil
				return false
			}
			known = true
			for i, e := range results {
				if per != nil {
					per[i] = append(per[i], m.exprEmpty(e, s, x.Pos(), depth))
				}
			}
		}
		return per != nil
	})
	if !known || per == nil {
		return nil
	}
	out := make([][][]string, n)
	some := false
	for i, sets := range per {
		out[i] = intersect(sets)
		some = some || len(out[i]) > 0
	}
	if !some {
		return nil
	}
	return out
}

// errorReturns returns the return statements of body, that of a
// function of type ft whose last result is an error, that return a
// non-nil one: the error variable in the body of an "if err != nil" that
// checks it, as the named result of a bare return or the last result of
// one.
func (m *Model) errorReturns(ft *ast.FuncType, body *ast.BlockStmt, named []ast.Expr) map[*ast.ReturnStmt]bool {
	res := ft.Results
	if res == nil || res.NumFields() < 2 {
		return nil
	}
	last := res.List[len(res.List)-1]
	if t := m.info.TypeOf(last.Type); t == nil || !types.Identical(t, types.Universe.Lookup("error").Type()) {
		return nil
	}
	out := make(map[*ast.ReturnStmt]bool)
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			errVar := m.nonNilChecked(x.Cond)
			if errVar == nil {
				return true
			}
			ast.Inspect(x.Body, func(y ast.Node) bool {
				switch y := y.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					e := ast.Expr(nil)
					switch {
					case len(y.Results) > 0:
						e = y.Results[len(y.Results)-1]
					case len(named) > 0:
						e = named[len(named)-1]
					}
					if id, ok := ast.Unparen(e).(*ast.Ident); ok && m.info.ObjectOf(id) == errVar {
						out[y] = true
					}
				}
				return true
			})
		}
		return true
	})
	return out
}

// nonNilChecked returns the variable cond says is not nil: err != nil.
func (m *Model) nonNilChecked(cond ast.Expr) types.Object {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ || !m.info.Types[b.Y].IsNil() {
		return nil
	}
	id, ok := ast.Unparen(b.X).(*ast.Ident)
	if !ok {
		return nil
	}
	return m.info.ObjectOf(id)
}

// exportEmpties exports the EmptiesFact of fn, if it has one.
func (m *Model) exportEmpties(fn *types.Func) {
	if f := m.funcEmpties(fn, 0); f != nil {
		m.pass.ExportObjectFact(fn, f)
	}
}

// hasValueResult reports whether fn returns a value that can be written
// as JSON with fields: a pointer, struct, slice, map or interface.
func hasValueResult(fn *types.Func) bool {
	for r := range fn.Signature().Results().Variables() {
		switch r.Type().Underlying().(type) {
		case *types.Pointer, *types.Struct, *types.Slice, *types.Map, *types.Interface:
			return true
		}
	}
	return false
}

// nilable reports whether the zero value of t is nil. That of a type
// parameter depends on the instance.
func nilable(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Interface:
		return true
	}
	return false
}

// intersect returns the paths every set covers: those a path of each set
// leads to (a path covers itself and what lies under it).
func intersect(sets [][][]string) [][]string {
	if len(sets) == 0 {
		return nil
	}
	var out [][]string
	seen := make(map[string]bool)
	for _, set := range sets {
		for _, p := range set {
			key := pathKey(p)
			if seen[key] {
				continue
			}
			seen[key] = true
			all := true
			for _, other := range sets {
				if !Covers(other, p) {
					all = false
					break
				}
			}
			if all {
				out = append(out, p)
			}
		}
	}
	return out
}

// Covers reports whether one of paths leads to steps or to a value
// holding it. Index steps ("[i]", "[key]", `["users"]`) match each other.
func Covers(paths [][]string, steps []string) bool {
	for _, p := range paths {
		if len(p) > len(steps) {
			continue
		}
		match := true
		for i, s := range p {
			if s != steps[i] && !(isIndexStep(s) && isIndexStep(steps[i])) {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

func isIndexStep(s string) bool { return len(s) > 0 && s[0] == '[' }

func pathKey(p []string) string {
	k := ""
	for _, s := range p {
		k += s
	}
	return k
}

// passedOn reports whether, in calls that end before at, the function
// of scope s gives obj (when it refers to data) or its address to a call
// that may fill it: not one skip accepts, nor one that only reads
// (readsOnly, readsBuiltin).
func (m *Model) passedOn(obj types.Object, s Scope, at token.Pos, skip func(*ast.CallExpr) bool) bool {
	shared := nilable(obj.Type())
	found := false
	named := make(map[*ast.CallExpr]bool) // gorm Model calls of a count
	ast.Inspect(s.Node, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok || call.End() > at {
			return !found
		}
		for _, c := range m.countedModels(call) {
			named[c] = true
		}
		if named[call] || skip != nil && skip(call) || readsOnly(funcs.Called(m.info, call)) || m.readsBuiltin(call) {
			return true
		}
		for _, arg := range call.Args {
			arg = ast.Unparen(arg)
			addr := false
			if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
				arg, addr = ast.Unparen(u.X), true
			}
			// obj, or a part of it: &res.Items, res.Items (a slice)
			if m.partOf(arg, obj) && (addr || nilable(m.info.TypeOf(arg)) || shared && m.names(arg, obj)) {
				found = true
			}
		}
		return !found
	})
	return found
}

// partOf reports whether e is obj or reaches into it: obj.F, obj[i],
// *obj, and so on.
func (m *Model) partOf(e ast.Expr, obj types.Object) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return m.info.Uses[x] == obj
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
}

// readsOnly reports whether fn only reads what it is given: it prints,
// logs or encodes it.
func readsOnly(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	switch httpfw.PkgPath(fn) {
	case "fmt":
		return !strings.HasPrefix(fn.Name(), "Sscan") && !strings.HasPrefix(fn.Name(), "Fscan") && !strings.HasPrefix(fn.Name(), "Scan")
	case "log", "log/slog":
		return true
	case pathJSON:
		return fn.Name() == "Marshal" || fn.Name() == "MarshalIndent" || fn.Name() == "Encode"
	}
	return false
}

// everyPath reports whether n, in the function of scope s, runs on every
// path to at: the innermost block around n holds at, or is only left
// out where obj is nil (if u != nil { u.Password = "" }).
func (m *Model) everyPath(n ast.Node, obj types.Object, at token.Pos) bool {
	cur, ok := m.insp.Root().FindByPos(n.Pos(), n.End())
	if !ok {
		return false
	}
	for c := range cur.Enclosing() {
		switch x := c.Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			if isPos(x, at) {
				return true
			}
			if !m.nilGuarded(c.Parent().Node(), x, obj) {
				return false
			}
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
	}
	return false
}

// nilGuarded reports whether block is the body of if obj != nil without
// else: skipping it changes nothing in what obj holds.
func (m *Model) nilGuarded(parent, block ast.Node, obj types.Object) bool {
	is, ok := parent.(*ast.IfStmt)
	if !ok || is.Body != block || is.Else != nil || obj == nil {
		return false
	}
	return m.nonNilChecked(is.Cond) == obj
}
