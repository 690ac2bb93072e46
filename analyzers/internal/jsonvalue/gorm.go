package jsonvalue

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/names"
)

// gorm loads a struct's columns and none of its associations unless the
// query asks for them. Read at gorm.io/gorm v1.31.2: a query with
// Select reads only the columns it names (callbacks/query.go); without
// Select, Omit leaves its columns out; Omit and Select take field names
// or column names (Statement.SelectAndOmitColumns, Schema.LookUpField);
// one string with commas names several; associations (struct fields
// that are not columns) are filled by Preload or Joins only; a field
// tagged "-" or "->:false" is never read. A Preload whose last argument
// is a func(*gorm.DB) *gorm.DB runs the association's query through it
// (callbacks/preload.go), so a Select there chooses the association's
// columns.
const pathGorm = "gorm.io/gorm"

// gormLoaders are the *gorm.DB methods that fill their first argument
// from the rows a query returns.
var gormLoaders = map[string]bool{
	"First": true, "Take": true, "Last": true, "Find": true, "Scan": true,
	"FirstOrInit": true, "FirstOrCreate": true,
}

// gormAssociations is the value of gorm's clause.Associations.
const gormAssociations = "~~~as~~~"

// A gormQuery is what a chain of *gorm.DB calls asks for.
type gormQuery struct {
	selects  []string // nil: every column
	omits    []string
	preloads map[string]bool // association names; gormAssociations for all
	unknown  bool            // a Select of expressions: columns unknown
	// scoped is the query a Preload's function runs for an association
	// (Preload("User", func(db *gorm.DB) *gorm.DB { return db.Select(...) })).
	scoped map[string]*gormQuery
}

// queried reports whether variable obj is filled, before at in the
// function of scope s, only by gorm queries, and returns what each of
// them leaves empty (the paths all of them do).
func (m *Model) queried(obj types.Object, s Scope, at token.Pos) ([][]string, bool) {
	return m.queriedJoin(obj, s, at, true)
}

// queriedJoin is queried; with join, an assignment that appends other
// variables the queries fill (list = append(pinned, list...)) holds what
// they hold as well.
func (m *Model) queriedJoin(obj types.Object, s Scope, at token.Pos, join bool) ([][]string, bool) {
	var set [][]string // what a literal the query fills sets itself: User{ID: id}
	var joined [][][]string
	for a := range m.host.Assigns(obj) {
		if join && !a.Opaque && a.Rhs != nil && a.Stmt.Pos() < at {
			if sets, ok := m.appended(obj, a.Rhs, s, a.Stmt.Pos()); ok {
				joined = append(joined, sets...)
				continue
			}
		}
		if a.Opaque || a.Rhs != nil && !m.isFresh(a.Rhs) {
			lit := compositeLit(ast.Unparen(a.Rhs))
			if a.Opaque || lit == nil {
				return nil, false
			}
			set = append(set, m.setFields(lit)...)
		}
	}
	var loads []*ast.CallExpr
	ast.Inspect(s.Node, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && call.Pos() < at && m.gormLoad(call, obj) && !m.dead(call) {
			loads = append(loads, call)
		}
		return true
	})
	if len(loads) == 0 || m.passedOn(obj, s, at, func(call *ast.CallExpr) bool { return m.gormLoad(call, obj) }) {
		return nil, false
	}
	sets := joined
	for _, call := range loads {
		sets = append(sets, m.gormEmpty(call, obj.Type()))
	}
	var out [][]string
	for _, p := range intersect(sets) {
		if !Covers(set, p) {
			out = append(out, p)
		}
	}
	return out, true
}

// appended returns, for e = append(x, y...) whose arguments are obj and
// other variables that gorm queries fill before at, what each of those
// leaves empty.
func (m *Model) appended(obj types.Object, e ast.Expr, s Scope, at token.Pos) ([][][]string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !m.builtin(call, "append") {
		return nil, false
	}
	var sets [][][]string
	for _, arg := range call.Args {
		id, ok := ast.Unparen(arg).(*ast.Ident)
		if !ok {
			return nil, false
		}
		v := m.info.Uses[id]
		if v == obj {
			continue
		}
		if v == nil {
			return nil, false
		}
		empty, ok := m.queriedJoin(v, s, at, false)
		if !ok {
			return nil, false
		}
		sets = append(sets, empty)
	}
	return sets, true
}

// isFresh reports whether e is a new empty value: T{}, &T{}, new(T), nil.
func (m *Model) isFresh(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "new" && m.info.Uses[id] == types.Universe.Lookup("new") {
			return true
		}
	}
	return m.isBlank(e)
}

// gormLoad reports whether call is a gorm query filling obj (&obj, or
// obj itself when it points to the destination).
func (m *Model) gormLoad(call *ast.CallExpr, obj types.Object) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !gormLoaders[sel.Sel.Name] || len(call.Args) == 0 || !m.isGormDB(sel.X) {
		return false
	}
	return m.names(call.Args[0], obj)
}

// countedModels returns, for a gorm Count or Pluck, the Model calls of
// its chain: db.Model(&users).Count(&total) names the table by users and
// writes only total (Pluck its second argument).
func (m *Model) countedModels(call *ast.CallExpr) []*ast.CallExpr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Count" && sel.Sel.Name != "Pluck" || !m.isGormDB(sel.X) {
		return nil
	}
	var out []*ast.CallExpr
	for {
		c, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return out
		}
		if sel, ok = ast.Unparen(c.Fun).(*ast.SelectorExpr); !ok || !m.isGormDB(sel.X) {
			return out
		}
		if sel.Sel.Name == "Model" {
			out = append(out, c)
		}
	}
}

// isGormDB reports whether e is a *gorm.DB.
func (m *Model) isGormDB(e ast.Expr) bool {
	p, ok := types.Unalias(m.info.TypeOf(e)).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Name() == "DB" && httpfw.PkgPath(n.Obj()) == pathGorm
}

// gormEmpty returns the paths of a value of type t that the query call
// fills it with leaves empty.
func (m *Model) gormEmpty(call *ast.CallExpr, t types.Type) [][]string {
	q := m.gormChain(ast.Unparen(call.Fun).(*ast.SelectorExpr).X, 0)
	return q.empty(t, nil, 0)
}

// empty returns the paths, under prefix, of a value of type t that q
// leaves empty, those of the associations its Preload functions choose
// the columns of included.
func (q *gormQuery) empty(t types.Type, prefix []string, depth int) [][]string {
	for {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t, prefix = u.Elem(), append(prefix, "[i]")
			continue
		case *types.Array:
			t, prefix = u.Elem(), append(prefix, "[i]")
			continue
		}
		break
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out [][]string
	for _, f := range gormFields(st, 0) {
		path := append(append([]string(nil), prefix...), "."+f.v.Name())
		switch sub := q.scoped[f.v.Name()]; {
		case q.leavesOut(f):
			out = append(out, path)
		case f.association && sub != nil && depth < maxDepth:
			out = append(out, sub.empty(f.v.Type(), path, depth+1)...)
		}
	}
	return out
}

// gormChain reads the chain of *gorm.DB calls that e is, from the last
// call back: a later Select or Omit replaces an earlier one. A variable
// holding the chain is followed to its one value, or to its first when
// the others refine it (q = q.Where(...) in a switch); a refinement that
// selects or omits columns makes them unknown.
func (m *Model) gormChain(e ast.Expr, depth int) *gormQuery {
	q := &gormQuery{preloads: make(map[string]bool), scoped: make(map[string]*gormQuery)}
	var sawSelect, sawOmit bool
	for depth < maxDepth {
		e = ast.Unparen(e)
		if id, ok := e.(*ast.Ident); ok {
			obj := m.info.Uses[id]
			if obj == nil {
				break
			}
			base := m.onlyValue(obj)
			if base == nil {
				base = m.refinedValue(obj, q)
			}
			if base == nil {
				break
			}
			e, depth = base, depth+1
			continue
		}
		call, ok := e.(*ast.CallExpr)
		if !ok {
			break
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !m.isGormDB(sel.X) {
			break
		}
		switch sel.Sel.Name {
		case "Select":
			if !sawSelect {
				sawSelect = true
				cols, unknown := m.columns(call.Args)
				q.selects, q.unknown = cols, q.unknown || unknown || cols == nil
			}
		case "Omit":
			if !sawOmit {
				sawOmit = true
				q.omits, _ = m.columns(call.Args)
			}
		default:
			m.gormCall(call, sel.Sel.Name, q, depth)
		}
		e = sel.X
	}
	return q
}

// gormCall applies to q what a call other than Select and Omit asks.
func (m *Model) gormCall(call *ast.CallExpr, name string, q *gormQuery, depth int) {
	switch name {
	case "Preload", "Joins", "InnerJoins":
		if len(call.Args) > 0 {
			if assoc, ok := m.constString(call.Args[0]); ok {
				first, _, nested := strings.Cut(assoc, ".")
				q.preloads[first] = true
				if sub := m.preloadScope(call, depth); name == "Preload" && !nested && sub != nil && q.scoped[first] == nil {
					q.scoped[first] = sub
				}
			}
		}
	case "Raw", "Exec":
		q.unknown = true
	}
}

// preloadScope returns the query a Preload's last argument runs for the
// association: a function literal that returns one chain on its
// database parameter.
func (m *Model) preloadScope(call *ast.CallExpr, depth int) *gormQuery {
	if len(call.Args) < 2 || depth >= maxDepth {
		return nil
	}
	fn, ok := ast.Unparen(call.Args[len(call.Args)-1]).(*ast.FuncLit)
	if !ok || len(fn.Body.List) != 1 {
		return nil
	}
	ret, ok := fn.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	return m.gormChain(ret.Results[0], depth+1)
}

// refinedValue returns the value a chain variable starts from when its
// other assignments refine it (q = q.Order(...)), and applies their
// calls to q; nil when it has no such start.
func (m *Model) refinedValue(obj types.Object, q *gormQuery) ast.Expr {
	if m.host.AddrTaken(obj) {
		return nil
	}
	var base ast.Expr
	for a := range m.host.Assigns(obj) {
		if a.Opaque || a.Rhs == nil {
			return nil
		}
		calls, refines := m.refinement(a.Rhs, obj)
		if !refines {
			if base != nil {
				return nil
			}
			base = a.Rhs
			continue
		}
		for _, call := range calls {
			switch name := ast.Unparen(call.Fun).(*ast.SelectorExpr).Sel.Name; name {
			case "Select", "Omit":
				q.unknown = true
			default:
				m.gormCall(call, name, q, 0)
			}
		}
	}
	return base
}

// refinement returns the *gorm.DB calls of e, a chain that starts from
// obj, and whether it does.
func (m *Model) refinement(e ast.Expr, obj types.Object) ([]*ast.CallExpr, bool) {
	var calls []*ast.CallExpr
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return calls, m.info.Uses[x] == obj
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok || !m.isGormDB(sel.X) {
				return nil, false
			}
			calls = append(calls, x)
			e = sel.X
		default:
			return nil, false
		}
	}
}

// columns returns the column or field names arguments of Select or
// Omit give; unknown is set when one is an expression or not a constant.
func (m *Model) columns(args []ast.Expr) (cols []string, unknown bool) {
	add := func(s string) {
		for part := range strings.SplitSeq(s, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			if strings.ContainsAny(part, " ()*?@") {
				unknown = true
				continue
			}
			if i := strings.LastIndexByte(part, '.'); i >= 0 {
				part = part[i+1:] // users.password
			}
			cols = append(cols, strings.Trim(part, "`\""))
		}
	}
	for _, a := range args {
		if s, ok := m.constString(a); ok {
			add(s)
			continue
		}
		lit, ok := ast.Unparen(a).(*ast.CompositeLit)
		if !ok {
			return nil, true
		}
		for _, elt := range lit.Elts {
			s, ok := m.constString(elt)
			if !ok {
				return nil, true
			}
			add(s)
		}
	}
	return cols, unknown
}

func (m *Model) constString(e ast.Expr) (string, bool) {
	tv, ok := m.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// A gormField is a field of a model as gorm sees it.
type gormField struct {
	v           *types.Var
	column      string // its column name; "" for an association
	unread      bool   // tagged "-" or "->:false": never read
	association bool
}

// gormFields returns the fields of a model, those of embedded structs
// promoted.
func gormFields(st *types.Struct, depth int) []gormField {
	var out []gormField
	for i := 0; i < st.NumFields(); i++ {
		v := st.Field(i)
		tag := reflect.StructTag(st.Tag(i)).Get("gorm")
		if !v.Exported() {
			continue
		}
		settings := gormSettings(tag)
		if inner, ok := derefStruct(v.Type()); ok && (v.Embedded() || settings["EMBEDDED"] != "") && depth < maxDepth {
			out = append(out, gormFields(inner, depth+1)...)
			continue
		}
		f := gormField{v: v, column: settings["COLUMN"]}
		if f.column == "" {
			f.column = names.Snake(v.Name())
		}
		_, ignored := settings["-"]
		f.unread = ignored || settings["->"] == "false"
		f.association = isAssociation(v.Type(), settings)
		out = append(out, f)
	}
	return out
}

// gormSettings parses a gorm tag: "column:pw;->:false;-" gives COLUMN,
// "->" and "-".
func gormSettings(tag string) map[string]string {
	out := make(map[string]string)
	for part := range strings.SplitSeq(tag, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), ":")
		if k == "" {
			continue
		}
		out[strings.ToUpper(k)] = v
	}
	return out
}

// isAssociation reports whether a field of type t is a relation gorm
// fills only on request: a struct, or a slice of structs, that is not
// a value type of its own (time.Time, a sql.Scanner) nor serialized.
func isAssociation(t types.Type, settings map[string]string) bool {
	if settings["SERIALIZER"] != "" || settings["TYPE"] != "" {
		return false
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok {
		return false
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return false
	}
	if httpfw.PkgPath(n.Obj()) == "time" {
		return false
	}
	scan, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), true, n.Obj().Pkg(), "Scan")
	return scan == nil
}

// leavesOut reports whether the query leaves field f empty.
func (q *gormQuery) leavesOut(f gormField) bool {
	switch {
	case f.unread:
		return true
	case f.association:
		return !q.preloads[gormAssociations] && !q.preloads[f.v.Name()]
	case q.unknown:
		return false
	case q.selects != nil:
		return !f.named(q.selects)
	}
	return f.named(q.omits)
}

// named reports whether one of cols names f, by field or column name.
func (f gormField) named(cols []string) bool {
	for _, c := range cols {
		if c == f.v.Name() || c == f.column || names.Snake(c) == f.column {
			return true
		}
	}
	return false
}

func deref(t types.Type) types.Type {
	for {
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			return t
		}
		t = p.Elem()
	}
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	st, ok := deref(t).Underlying().(*types.Struct)
	return st, ok
}
