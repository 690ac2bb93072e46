package privatecache

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/routes"
)

// UserFact is exported for a handler, or a function that returns one,
// whose per-user responses no private or no-store governs and that its
// package serves nowhere: the packages that register it judge it.
type UserFact struct {
	Category    string   // missing or validators
	Quiet       bool     // identified by a request header for which only public applies in its category (identity.go)
	ContextOnly bool     // identified only by context or request values (auth.go)
	Keys        []string // their keys, when only middleware stores them (keys.go)
	Gated       bool     // per-user only behind middleware that identifies the user (gated.go)
	Handler     string   // pkg.Func or pkg.Type.Method
	Identity    string   // what identifies the user
}

func (*UserFact) AFact() {}

func (f *UserFact) String() string {
	if f.Gated {
		return fmt.Sprintf("per-user %s behind middleware that identifies the user (%s)", f.Category, f.Handler)
	}
	return fmt.Sprintf("per-user %s (%s reads %s)", f.Category, f.Handler, f.Identity)
}

// RoutesFact is exported for a function that registers such handlers on
// the router its callers give it (parameter Param) or that it returns to
// them (Param -1), with no no-store middleware on it in its package: its
// callers judge them.
type RoutesFact struct {
	Param  int
	Routes []FactRoute
}

// A FactRoute is one route of a RoutesFact.
type FactRoute struct {
	Pattern string // "GET /me", or ""
	// Group describes the group or router that the registering function
	// makes from its caller's router and registers the route on
	// (`group "/web"` for app.Group("/web")), or is "" when it registers
	// the route on the caller's router itself: middleware the caller adds
	// cannot reach such a group alone.
	Group string
	UserFact
}

func (*RoutesFact) AFact() {}

func (f *RoutesFact) String() string {
	var names []string
	for _, r := range f.Routes {
		names = append(names, r.Handler)
	}
	return fmt.Sprintf("registers per-user routes on parameter %d: %s", f.Param, strings.Join(names, ", "))
}

// groups collects the routes of a package whose per-user responses no
// middleware covers, by the router or group they are registered on, and
// reports each group once; what other packages decide goes into facts.
type groups struct {
	c       *checker
	pass    *analysis.Pass
	byKey   map[any]*group
	order   []*group
	defers  map[*types.Func]*RoutesFact
	escapes map[*types.Func]*UserFact
}

type group struct {
	node   ast.Node
	obj    types.Object // the variable or field that holds the router, if any
	made   []string     // FactRoute.Group of each group made by the function via calls at node
	via    string
	parent any // for a made group, the key of the router the call hands it
	routes []entry
}

// An entry is a route of a group: the registration, or the call that
// hands the router to a function that registers it (via).
type entry struct {
	call    *ast.CallExpr
	pattern string
	via     string
	group   string // FactRoute.Group
	fact    UserFact
}

func newGroups(c *checker, pass *analysis.Pass) *groups {
	return &groups{c: c, pass: pass, byKey: make(map[any]*group),
		defers: make(map[*types.Func]*RoutesFact), escapes: make(map[*types.Func]*UserFact)}
}

// local takes a handler of this package and where it is served: w, by
// the routes no private middleware covers; pub, by those a public one
// covers.
func (gs *groups) local(h *handler, s served) {
	fact := UserFact{Category: h.category, Quiet: h.quiet, ContextOnly: h.context, Keys: h.keys, Gated: h.gated, Handler: h.name, Identity: h.identity}
	direct := gs.serve(s, "", []FactRoute{{UserFact: fact}})
	w := s.w
	for _, fn := range w.Escapes {
		gs.escapes[fn] = &fact
	}
	if h.gated && direct {
		h.identity = byMiddleware
	}
	if !h.quiet && (w.Unknown && !h.gated || direct && (h.category != catMissing || gs.c.strict)) {
		reportHandler(gs.pass, h)
	}
}

// imported judges the handlers and routes of other packages that this
// one serves.
func (gs *groups) imported(mw *middleware) {
	for _, of := range gs.importedFacts() {
		fn := of.Object.(*types.Func)
		switch f := of.Fact.(type) {
		case *UserFact:
			s := served{w: mw.covering(f.Category).Imported(fn), pub: mw.public.Imported(fn), auth: mw.authed.Imported(fn), head: mw.headed.Imported(fn),
				stored: mw.keys.storedOn(func(m *routes.Model) routes.Where { return m.Imported(fn) })}
			if f.Gated {
				s.gate = mw.gate.Imported(fn)
			}
			w := s.w
			if gs.serve(s, "", []FactRoute{{UserFact: *f}}) {
				gs.reportImported(s, "", []FactRoute{{UserFact: *f}})
			}
			for _, e := range w.Escapes {
				gs.escapes[e] = f
			}
		case *RoutesFact:
			d := routes.Deferred{Func: fn, Param: f.Param}
			s := served{w: mw.routes.Deferrals(d), pub: mw.public.Deferrals(d), auth: mw.authed.Deferrals(d), head: mw.headed.Deferrals(d),
				stored: mw.keys.storedOn(func(m *routes.Model) routes.Where { return m.Deferrals(d) })}
			if slices.ContainsFunc(f.Routes, func(r FactRoute) bool { return r.Gated }) {
				s.gate = mw.gate.Deferrals(d)
			}
			w := s.w
			if gs.serve(s, shortName(fn), f.Routes) {
				gs.reportImported(s, shortName(fn), f.Routes)
			}
			for _, e := range w.Escapes {
				gs.deferRoutes(&routes.Deferred{Func: e, Param: -1}, f.Routes)
			}
		}
	}
	for fn, f := range gs.escapes {
		gs.pass.ExportObjectFact(fn, f)
	}
	gs.deferToInterfaces(mw.routes)
	for fn, f := range gs.defers {
		gs.pass.ExportObjectFact(fn, f)
	}
}

// deferToInterfaces defers the routes of a method that registers them
// on its caller's router to the methods of the package's interfaces that
// list its type's values in a registry ([]Router{&FileRouter{}}): other
// packages call it through them (for _, g := range router.Groups {
// g.InitRouter(r) }).
func (gs *groups) deferToInterfaces(m *routes.Model) {
	var methods []*types.Func
	for fn := range gs.defers {
		if fn.Type().(*types.Signature).Recv() != nil {
			methods = append(methods, fn)
		}
	}
	slices.SortFunc(methods, func(a, b *types.Func) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, fn := range methods {
		f := gs.defers[fn]
		for _, im := range m.ListedVia(fn) {
			if g := gs.defers[im]; g != nil && g.Param != f.Param {
				continue
			}
			for _, r := range f.Routes {
				gs.deferRoute(&routes.Deferred{Func: im, Param: f.Param}, r)
			}
		}
	}
}

// importedFacts returns the UserFacts and RoutesFacts of the functions of
// other packages that this package uses, in a fixed order. It looks only
// at what the package uses: the facts of every dependency would be as
// many as the program has handlers, for each of its packages.
func (gs *groups) importedFacts() []analysis.ObjectFact {
	var out []analysis.ObjectFact
	seen := make(map[*types.Func]bool)
	for _, obj := range gs.pass.TypesInfo.Uses {
		if tn, ok := obj.(*types.TypeName); ok { // api.Handler{}: its ServeHTTP method
			m, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), false, tn.Pkg(), "ServeHTTP")
			obj = m
		}
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == gs.pass.Pkg || seen[fn] {
			continue
		}
		seen[fn] = true
		if f := new(UserFact); gs.pass.ImportObjectFact(fn, f) {
			out = append(out, analysis.ObjectFact{Object: fn, Fact: f})
		}
		if f := new(RoutesFact); gs.pass.ImportObjectFact(fn, f) {
			out = append(out, analysis.ObjectFact{Object: fn, Fact: f})
		}
	}
	sort.Slice(out, func(i, j int) bool { return factKey(out[i]) < factKey(out[j]) })
	return out
}

func factKey(of analysis.ObjectFact) string {
	_, routes := of.Fact.(*RoutesFact)
	return fmt.Sprintf("%s.%s %v", of.Object.Pkg().Path(), shortName(of.Object.(*types.Func)), routes)
}

// served is where a handler is served: w, by the routes no private
// middleware covers; pub, by those a public one covers; auth, by those
// middleware reading the user from Authorization (or from the query or
// a form, which only public concerns as well) covers; head, by those
// middleware reading it from another request header covers; gate, for
// a gated handler, by those middleware reading it from anything else
// covers; stored, whether middleware storing one of some
// keys covers a route (keys.go).
type served struct {
	w, pub, auth, head, gate routes.Where
	stored                   func(keys []string) func(*ast.CallExpr) bool
}

// on returns, for each route of s.w, rs as served there: the middleware
// on the route decides where a handler that reads the user from a
// context value gets it, whether it gets one at all, and whether a
// gated handler is per-user.
func (s served) on() func(*ast.CallExpr, []FactRoute) []FactRoute {
	authed, headed, gated := coveredBy(s.auth), coveredBy(s.head), coveredBy(s.gate)
	return func(call *ast.CallExpr, rs []FactRoute) []FactRoute {
		rs = slices.DeleteFunc(slices.Clone(rs), func(fr FactRoute) bool {
			return len(fr.Keys) > 0 && fr.ContextOnly && !s.stored(fr.Keys)(call)
		})
		switch {
		case authed(call):
			rs = behind(rs, fromAuthorization)
		case headed(call):
			rs = behind(rs, fromHeader)
		}
		if gated(call) {
			rs = ungated(rs)
		}
		return rs
	}
}

// serve takes the routes of this package that serve rs, handlers of this
// package or of others (through via, a function that registers them): it
// reports those behind public middleware, groups those that miss private
// or no-store, and defers what other packages decide. It reports whether
// a route in sight here serves a response the rules apply to (not one to
// a request that Authorization identifies).
func (gs *groups) serve(s served, via string, rs []FactRoute) bool {
	w, pub, on := s.w, s.pub, s.on()
	public := make(map[*ast.CallExpr]bool)
	for _, r := range pub.Covered {
		public[r.Call] = true
		for _, fr := range rs {
			if !fr.Gated {
				reportPublicRoute(gs.pass, gs.entry(r, via, fr))
			}
		}
	}
	direct := false
	for _, r := range w.Routes {
		if public[r.Call] {
			continue
		}
		rs := on(r.Call, rs)
		if r.Group.Deferred != nil {
			gs.deferRoutes(r.Group.Deferred, gs.factRoutes(r, via, rs))
			continue
		}
		for _, fr := range rs {
			if fr.Gated {
				continue
			}
			direct = direct || !fr.Quiet
			if fr.Category == catMissing && !fr.Quiet && !gs.c.strict {
				gs.add(r, gs.entry(r, via, fr))
			}
		}
	}
	return direct
}

// reportImported reports, at the route, what holds for a route of a
// handler of another package on its own: validators, and with -strict.
func (gs *groups) reportImported(s served, via string, rs []FactRoute) {
	on := s.on()
	for _, r := range s.w.Routes {
		if r.Group.Deferred != nil {
			continue
		}
		for _, fr := range on(r.Call, rs) {
			if !fr.Gated && !fr.Quiet && (fr.Category != catMissing || gs.c.strict) {
				reportRoute(gs.pass, gs.entry(r, via, fr))
			}
		}
	}
}

// entry is the entry of a route of rs.
func (gs *groups) entry(r routes.Route, via string, fr FactRoute) entry {
	e := entry{call: r.Call, pattern: fr.Pattern, via: via, group: fr.Group, fact: fr.UserFact}
	if via == "" {
		e.pattern = r.Pattern(gs.pass.TypesInfo)
	}
	return e
}

// factRoutes are rs as routes of r, for a fact.
func (gs *groups) factRoutes(r routes.Route, via string, rs []FactRoute) []FactRoute {
	if via != "" {
		return rs
	}
	out := make([]FactRoute, len(rs))
	for i, fr := range rs {
		out[i] = FactRoute{Pattern: r.Pattern(gs.pass.TypesInfo), Group: gs.madeGroup(r.Group), UserFact: fr.UserFact}
	}
	return out
}

// madeGroup describes, for FactRoute.Group, a group or router that this
// package makes from the router its caller gives it (app.Group("/web")
// on a parameter, a router mounted on it), or returns "".
func (gs *groups) madeGroup(g routes.Group) string {
	call, ok := g.Node.(*ast.CallExpr)
	if !ok || g.Deferred == nil || g.Deferred.Param < 0 {
		return ""
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && httpfw.MakesGroup(sel.Sel.Name) {
		if p := routes.PatternOf(gs.pass.TypesInfo, call); p != "" {
			return fmt.Sprintf("group %q", p)
		}
		return "group"
	}
	return "router"
}

func (gs *groups) deferRoutes(d *routes.Deferred, rs []FactRoute) {
	for _, r := range rs {
		gs.deferRoute(d, r)
	}
}

func (gs *groups) deferRoute(d *routes.Deferred, r FactRoute) {
	f := gs.defers[d.Func]
	if f == nil {
		f = &RoutesFact{Param: d.Param}
		gs.defers[d.Func] = f
	}
	f.Routes = append(f.Routes, r)
}

func (gs *groups) add(r routes.Route, e entry) {
	var key any = r.Group.Key()
	node, obj := r.Group.Node, r.Group.Obj
	if e.group != "" { // made by the function called: reported at the call, once
		key, node, obj = r.Call, r.Call, nil
	}
	g := gs.byKey[key]
	if g == nil {
		g = &group{node: node, obj: obj, via: e.via, parent: r.Group.Key()}
		gs.byKey[key] = g
		gs.order = append(gs.order, g)
	}
	if e.group != "" && !slices.Contains(g.made, e.group) {
		g.made = append(g.made, e.group)
	}
	g.routes = append(g.routes, e)
}

// report reports each group once, at the router or group; groups made
// from a group (admin.Group("/users")) are reported with the highest
// such ancestor, where one middleware covers them all, and so are
// groups a called function makes on a router whose own routes are
// reported too.
func (gs *groups) report(m *routes.Model) {
	var order []*group
	seen := make(map[*group]bool)
	for _, g := range gs.order {
		if p := gs.byKey[g.parent]; len(g.made) > 0 && p != nil && len(p.made) == 0 {
			p.routes = append(p.routes, g.routes...)
			seen[g] = true
		}
	}
	for _, g := range gs.order {
		if seen[g] {
			continue
		}
		t := g
		if top := gs.ancestor(m, g); top != nil {
			if t = gs.byKey[top]; t == nil {
				t = &group{node: m.Defs(top)[0], obj: top}
				gs.byKey[top] = t
			}
			t.routes = append(t.routes, g.routes...)
		}
		if !seen[t] {
			seen[t] = true
			order = append(order, t)
		}
	}
	for _, g := range order {
		reportGroup(gs.pass, g, groupFixes(gs.pass, m, g.obj))
	}
}

// ancestor returns the highest group variable that g is made from,
// through calls of Group on variables each defined once by such a call
// (not the router itself); nil when g is not made from one.
func (gs *groups) ancestor(m *routes.Model, g *group) types.Object {
	var top types.Object
	node := g.node
	for range maxDepth {
		parent := gs.subgroupOf(node)
		if parent == nil {
			break
		}
		if v, ok := parent.(*types.Var); ok && m.Passed(v) != nil {
			parent = m.Passed(v) // bindUsers(admin) calls rg.Group("/users")
		}
		defs := m.Defs(parent)
		if len(defs) != 1 || gs.subgroupOf(defs[0]) == nil {
			break // a router, not a group of one
		}
		top, node = parent, defs[0]
	}
	return top
}

// subgroupOf returns X for a call X.Group(...) on a variable X.
func (gs *groups) subgroupOf(n ast.Node) types.Object {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !httpfw.MakesGroup(sel.Sel.Name) {
		return nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := gs.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil {
		return nil
	}
	return v
}
