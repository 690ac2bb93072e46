package respmodel

import (
	"go/ast"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strconv"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// Session stores are often declared in one package and configured in
// another: `var Store = sessions.NewCookieStore(key)` in middleware/ and
// `middleware.Store.Options.Secure = cfg.TLS` in main. Facts flow only
// from a package to its importers, so a store kept in an exported
// package-level variable is judged where the program is put together, in
// package main, with every package's settings applied; and a store's
// defaults count only if some session is saved with them
// (docs/cookieflags.md, "Stores configured elsewhere").

// A StoreVarFact is exported for a store kept in an exported
// package-level variable of the user's code: the cookie its sessions get
// after its own package's settings, and where it is created.
type StoreVarFact struct {
	Cookie *Cookie
	Where  string // base name of the file and line of the constructor call
}

func (*StoreVarFact) AFact() {}

func (*StoreVarFact) String() string { return "session store in an exported variable" }

// A ProgramStore is a store of another package judged in package main.
type ProgramStore struct {
	Pkg   string // import path of its package
	Name  string // pkg.Var, as main's code would name it
	Where string // where it is created (file:line)
}

// A StoreUseFact is a package fact: what the package does to stores kept
// in other packages' variables, and the sessions it saves. Its lists are
// sorted by key: facts must encode the same way every time.
type StoreUseFact struct {
	Settings []StoreSettings
	Saves    []SaveCount
}

func (*StoreUseFact) AFact() {}

func (*StoreUseFact) String() string { return "session store settings and saves" }

// StoreSettings are a package's assignments to one store's Options.
type StoreSettings struct {
	Key    string         // see storeKey
	Fields []FieldSetting // Options.F = v, sorted by name
	Opaque bool           // Options replaced, passed on or its address taken
}

// A FieldSetting is Options.Name = Value: Known for an unconditional
// constant, Unknown otherwise.
type FieldSetting struct {
	Name  string
	Value Value
}

// A SaveCount counts the sessions saved from the store with Key ("" when
// the model cannot tell which); Live counts those saved with the Options
// the store gave them, not replaced or made a deletion by the saving
// function.
type SaveCount struct {
	Key       string
	All, Live int
}

// storeUse is what the packages of a program, or one package, do to
// stores and with sessions.
type storeUse struct {
	fields map[string]map[string]Value // by store key and field
	opaque map[string]bool
	all    map[string]int // saves by store key
	live   map[string]int
}

func newStoreUse() *storeUse {
	return &storeUse{
		fields: make(map[string]map[string]Value),
		opaque: make(map[string]bool),
		all:    make(map[string]int),
		live:   make(map[string]int),
	}
}

// set records Options.f = v on the store with key k; a field set to
// different values in different places is Unknown.
func (u *storeUse) set(k, f string, v Value) {
	fs := u.fields[k]
	if fs == nil {
		fs = make(map[string]Value)
		u.fields[k] = fs
	}
	if old, ok := fs[f]; ok && !sameSetting(old, v) {
		v = unknown(nil)
	}
	fs[f] = v
}

func sameSetting(a, b Value) bool {
	return a.State == b.State && (a.State != Known || a.Bool == b.Bool && a.Str == b.Str && a.Int == b.Int)
}

func (u *storeUse) save(k string, live bool) {
	u.all[k]++
	if live {
		u.live[k]++
	}
}

// add merges a package's fact into u.
func (u *storeUse) add(f *StoreUseFact) {
	for _, s := range f.Settings {
		u.opaque[s.Key] = u.opaque[s.Key] || s.Opaque
		for _, fs := range s.Fields {
			u.set(s.Key, fs.Name, fs.Value)
		}
	}
	for _, c := range f.Saves {
		u.all[c.Key] += c.All
		u.live[c.Key] += c.Live
	}
}

// fact returns u as a package fact, or nil when it holds nothing.
func (u *storeUse) fact() *StoreUseFact {
	f := &StoreUseFact{}
	keys := make(map[string]bool)
	for k := range u.fields {
		keys[k] = true
	}
	for k := range u.opaque {
		keys[k] = true
	}
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		s := StoreSettings{Key: k, Opaque: u.opaque[k]}
		for _, name := range slices.Sorted(maps.Keys(u.fields[k])) {
			s.Fields = append(s.Fields, FieldSetting{name, u.fields[k][name]})
		}
		f.Settings = append(f.Settings, s)
	}
	for _, k := range slices.Sorted(maps.Keys(u.all)) {
		f.Saves = append(f.Saves, SaveCount{k, u.all[k], u.live[k]})
	}
	if f.Settings == nil && f.Saves == nil {
		return nil
	}
	return f
}

// unreached reports whether the defaults of the store with key k reach no
// live cookie: sessions are saved, and every one that may come from that
// store is saved with Options of its own or deleted. A store whose
// sessions are saved only where the model does not see is reached. For a
// store with no key, every save counts.
func (u *storeUse) unreached(k string) bool {
	if k == "" {
		total, live := 0, 0
		for key, n := range u.all {
			total += n
			live += u.live[key]
		}
		return total > 0 && live == 0
	}
	return u.all[k]+u.all[""] > 0 && u.live[k]+u.live[""] == 0
}

// storeKey names a package-level variable across packages, or returns ""
// for any other object.
func storeKey(obj types.Object) string {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return ""
	}
	return v.Pkg().Path() + "." + v.Name()
}

// deferStore reports whether the store in obj is left to package main:
// an exported package-level variable of the user's code outside main.
func (m *model) deferStore(obj types.Object) bool {
	return obj.Exported() && storeKey(obj) != "" && m.pass.Pkg.Name() != "main" && ownCode(m.pass)
}

type deferredStore struct {
	obj  types.Object
	fact *StoreVarFact
}

// exportStoreUses exports the package's StoreUseFact and the
// StoreVarFacts of stores left to package main.
func (m *model) exportStoreUses() {
	for _, sv := range m.deferred {
		m.pass.ExportObjectFact(sv.obj, sv.fact)
	}
	if !ownCode(m.pass) {
		return // a library's own saves, such as sessions.Save's, are not the program's
	}
	if f := m.storeUses().fact(); f != nil {
		m.pass.ExportPackageFact(f)
	}
}

// storeUses returns what the package does to other packages' stores and
// the sessions it saves, computed once.
func (m *model) storeUses() *storeUse {
	if m.storeUse != nil {
		return m.storeUse
	}
	u := newStoreUse()
	m.storeUse = u
	key := func(obj types.Object) string {
		if obj.Pkg() == m.pass.Pkg || pkgPathOfType(obj.Type()) != httpfw.PathSessions {
			return ""
		}
		return storeKey(obj)
	}
	for obj, fas := range m.defs.fields {
		k := key(obj)
		if k == "" {
			continue
		}
		for _, fa := range fas {
			switch {
			case len(fa.path) == 0 || fa.path[0] != "Options":
			case len(fa.path) == 1:
				u.opaque[k] = true
			default:
				c := newCookie(httpfw.GorillaSessions, StoreDefaults, "")
				m.fieldAssign(c, fa.path[1], fa)
				if p := c.field(fa.path[1]); p != nil {
					u.set(k, fa.path[1], p.forCallers())
				}
			}
		}
	}
	for obj := range m.optionsEscape() {
		if k := key(obj); k != "" {
			u.opaque[k] = true
		}
	}
	for _, sv := range m.saves {
		m.countSave(sv)
	}
	return u
}

// A savedSession is a call that writes session cookies (httpfw's
// SessionSave) and the function it is in.
type savedSession struct {
	call *ast.CallExpr
	fn   ast.Node
}

// noteSave records a call that saves sessions, with stack ending at it;
// storeUses counts them.
func (m *model) noteSave(call *ast.CallExpr, stack []ast.Node) {
	if fn := funcs.Called(m.info, call); fn != nil {
		if c, ok := httpfw.Lookup(fn); ok && c.Op == httpfw.SessionSave {
			m.saves = append(m.saves, savedSession{call, funcs.Enclosing(stack)})
		}
	}
}

// countSave counts one saving call. The session saved is the argument
// after the writer (a store's Save(r, w, s)) or else the receiver
// (Session.Save); a function with neither (sessions.Save) saves every
// session of the request.
func (m *model) countSave(s savedSession) {
	c, _ := httpfw.Lookup(funcs.Called(m.info, s.call))
	obj := m.savedSession(s.call, c)
	if obj == nil {
		m.storeUse.save("", true)
		return
	}
	if made := m.newSession(obj); made != nil {
		// Made with empty Options: the store's defaults reach no one.
		var key string
		if len(made.Args) > 0 {
			if st := rootObject(m.info, made.Args[0]); st != nil {
				key = storeKey(st)
			}
		}
		m.storeUse.save(key, false)
		return
	}
	m.storeUse.save(m.sessionStore(obj), !m.ownOptions(obj, s))
}

// savedSession returns the variable that holds the session a call of c
// saves: the argument after the writer (a store's Save(r, w, s)) or else
// the receiver (Session.Save); nil for a function with neither
// (sessions.Save saves every session of the request).
func (m *model) savedSession(call *ast.CallExpr, c httpfw.Call) types.Object {
	var sess ast.Expr
	if c.Arg+1 < len(call.Args) {
		sess = call.Args[c.Arg+1]
	} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && m.info.Selections[sel] != nil {
		sess = sel.X
	}
	if sess == nil {
		return nil
	}
	return rootObject(m.info, sess)
}

// newSession returns the call that made the session in sess when it is
// its one definition and makes a session with empty Options
// (sessions.NewSession(store, name)), or nil.
func (m *model) newSession(sess types.Object) *ast.CallExpr {
	rhs, ok := m.defs.single(sess)
	if !ok {
		return nil
	}
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok {
		return nil
	}
	if c, ok := httpfw.Lookup(funcs.Called(m.info, call)); !ok || c.Op != httpfw.NewSession {
		return nil
	}
	return call
}

// sessionStore returns the key of the store a session variable was got
// from (s, err := Store.Get(r, name), a ReadSession call on the store),
// or "".
func (m *model) sessionStore(sess types.Object) string {
	a, ok := m.defs.definition(sess)
	if !ok {
		as := m.defs.assigns[sess]
		if len(as) != 1 {
			return ""
		}
		a = as[0]
	}
	st, ok := a.stmt.(*ast.AssignStmt)
	if !ok || len(st.Rhs) != 1 {
		return ""
	}
	call, ok := ast.Unparen(st.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return ""
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	fn := funcs.Called(m.info, call)
	if !ok || fn == nil {
		return ""
	}
	if c, ok := httpfw.Lookup(fn); !ok || c.Op != httpfw.ReadSession {
		return ""
	}
	if obj := rootObject(m.info, sel.X); obj != nil {
		return storeKey(obj)
	}
	return ""
}

// ownOptions reports whether the session in sess is saved by s with
// Options of the saving function's own: its Options replaced, or its
// MaxAge made negative (a deletion), unconditionally or in the save's
// block, before the save in the same function.
func (m *model) ownOptions(sess types.Object, s savedSession) bool {
	for _, fa := range m.defs.fields[sess] {
		if len(fa.path) == 0 || fa.path[0] != "Options" || fa.stmt.Pos() > s.call.Pos() {
			continue
		}
		if !within(fa.stmt, s.fn) || fa.conditional && !within(s.call, fa.block) {
			continue
		}
		switch {
		case len(fa.path) == 1:
			return true
		case fa.path[1] == "MaxAge" && fa.rhs != nil:
			if v, ok := m.info.Types[fa.rhs]; ok && v.Value != nil {
				if n, ok := fromConstant(v.Value); ok && n.Int < 0 {
					return true
				}
			}
		}
	}
	return false
}

// within reports whether n lies inside block.
func within(n, block ast.Node) bool {
	return block != nil && block.Pos() <= n.Pos() && n.End() <= block.End()
}

// programStores returns, in package main, the events of stores kept in
// other packages' exported variables: their defaults with the settings of
// every package of the program, reported at func main. A store whose
// Options some package replaces or passes on, or whose defaults reach no
// live cookie, yields none.
func (m *model) programStores() []*Event {
	if m.pass.Pkg.Name() != "main" {
		return nil
	}
	main, _ := m.pass.Pkg.Scope().Lookup("main").(*types.Func)
	decl := m.decls[main]
	if decl == nil || decl.Body == nil || len(decl.Body.List) == 0 {
		return nil
	}
	uses := newStoreUse()
	for _, pf := range m.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*StoreUseFact); ok {
			uses.add(f)
		}
	}
	if f := m.storeUses().fact(); f != nil {
		uses.add(f)
	}
	var out []*Event
	for _, of := range m.pass.AllObjectFacts() {
		sv, ok := of.Fact.(*StoreVarFact)
		if !ok {
			continue
		}
		key := storeKey(of.Object)
		if uses.opaque[key] || uses.unreached(key) {
			continue
		}
		c := sv.Cookie.configured(uses.fields[key])
		c.Program = &ProgramStore{Pkg: of.Object.Pkg().Path(), Name: of.Object.Pkg().Name() + "." + of.Object.Name(), Where: sv.Where}
		c.syn.sink = decl.Body.List[0]
		out = append(out, &Event{Kind: SetCookie, Framework: httpfw.GorillaSessions, Cookie: c, node: decl.Name, Value: absent()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cookie.Program.Name < out[j].Cookie.Program.Name })
	return out
}

// configured returns a copy of a store's cookie with the program's
// settings of its Options applied.
func (c *Cookie) configured(fields map[string]Value) *Cookie {
	cp := *c
	for f, v := range fields {
		if p := cp.field(f); p != nil {
			*p = v
		}
	}
	return &cp
}

// storeWhere describes where a store is created, for messages in other
// packages.
func (m *model) storeWhere(call *ast.CallExpr) string {
	p := m.pass.Fset.Position(call.Pos())
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}
