package respmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/edit"
	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/jsonvalue"
	"github.com/resplint/resplint/analyzers/internal/names"
)

// Analyzer computes the response model of a package. Its result is a
// *Result; it exports HelperFact, WrapperFact, FactoryFact, StoreFact,
// StoreVarFact, StoreUseFact, and jsonvalue's BlanksFact, EmptiesFact,
// FillsFact and ReturnsFact.
var Analyzer = &analysis.Analyzer{
	Name:       "respmodel",
	Doc:        "compute resplint's framework-neutral response events",
	Run:        run,
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(HelperFact), new(WrapperFact), new(FactoryFact), new(StoreFact), new(StoreVarFact), new(StoreUseFact), new(jsonvalue.BlanksFact), new(jsonvalue.EmptiesFact), new(jsonvalue.FillsFact), new(jsonvalue.ReturnsFact)},
}

// model holds the state of one run over one package.
type model struct {
	pass      *analysis.Pass
	insp      *inspector.Inspector
	info      *types.Info
	defs      *defs
	sameSites []sameSiteSet
	decls     map[*types.Func]*ast.FuncDecl
	funcs     map[ast.Node]inspector.Cursor // the package's functions, for summary
	summaries map[ast.Node]*summary
	imported  map[*types.Func]*summary // what functions of other packages do, from their facts
	wrappers  map[*types.Func][]*Event // what the closures wrappers return write (wrapped.go)
	escapes   map[types.Object]bool    // see optionsEscape
	deferred  []deferredStore          // stores left to package main (storeprogram.go)
	storeUse  *storeUse                // see storeUses
	saves     []savedSession           // calls that save sessions (noteSave)
	json      *jsonvalue.Model         // what JSON bodies hold
	packer    packer                   // packs HelperFacts
	guarded   map[*ast.Ident]bool      // uses allowlisted by a regexp (allowlisted)
}

// summary is what one function does.
type summary struct {
	events  []*Event
	wrapped []*Event // see Func.Wrapped
	factory *Cookie  // the cookie it returns, for factories
	exit    Stage    // the stage it leaves its response at when it returns
}

// scope is the function whose body is being read.
type scope struct {
	node   ast.Node // *ast.FuncDecl or *ast.FuncLit
	sig    *types.Signature
	params map[*types.Var]int
}

func run(pass *analysis.Pass) (any, error) {
	reaches := reachesResponse(pass.Pkg)
	if !reaches && !ownCode(pass) {
		return &Result{}, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	m := &model{
		pass:      pass,
		insp:      insp,
		info:      pass.TypesInfo,
		defs:      indexDefs(pass.TypesInfo, insp),
		decls:     make(map[*types.Func]*ast.FuncDecl),
		funcs:     make(map[ast.Node]inspector.Cursor),
		summaries: make(map[ast.Node]*summary),
		imported:  make(map[*types.Func]*summary),
		wrappers:  make(map[*types.Func][]*Event),
	}
	m.json = jsonvalue.New(pass, insp, jsonHost{m}, m.decls, ownCode(pass))
	res := &Result{}
	if !reaches {
		// Nothing here can act on a response; what its functions blank
		// still matters to a handler serialising its types.
		m.json.ExportAllFacts()
		return res, nil
	}
	res.Inspector, res.sources = insp, edit.NewSources(pass)
	var funcs []ast.Node
	insp.WithStack([]ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			if fn, ok := m.info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				m.decls[fn] = n
				funcs = append(funcs, n)
			}
		case *ast.FuncLit:
			funcs = append(funcs, n)
		case *ast.CallExpr:
			m.json.NoteDecode(n, stack)
			m.noteSameSite(n, stack)
			m.noteSave(n, stack)
		}
		return true
	})
	for c := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		m.funcs[c.Node()] = c
	}
	for _, n := range funcs {
		sum := m.summary(n)
		f := &Func{Node: n, Events: sum.events, Wrapped: sum.wrapped}
		if sig, ok := m.info.TypeOf(sigExpr(n)).(*types.Signature); ok {
			f.Handler = httpfw.HandlerKind(sig)
		}
		res.Funcs = append(res.Funcs, f)
		if d, ok := n.(*ast.FuncDecl); ok {
			m.exportFacts(d, sum)
			if fn, ok := m.info.Defs[d.Name].(*types.Func); ok {
				m.exportWrapperFact(fn)
			}
			m.json.ExportFacts(d)
		}
	}
	res.Package = append(m.packageEvents(), m.programStores()...)
	m.exportStoreDefaults()
	m.exportStoreUses()
	res.Decoded = m.json.Decoded()
	res.funcs = m.funcs
	return res, nil
}

// sigExpr returns the expression whose type is the signature of n, a
// function declaration or literal.
func sigExpr(n ast.Node) ast.Expr {
	if d, ok := n.(*ast.FuncDecl); ok {
		return d.Name
	}
	return n.(*ast.FuncLit)
}

// summary returns the events of a function, computing them once. A
// recursive call sees the events found so far.
func (m *model) summary(n ast.Node) *summary {
	if s, ok := m.summaries[n]; ok {
		return s
	}
	sum := &summary{}
	m.summaries[n] = sum
	s := m.newScope(n)
	body := FuncBody(n)
	var returns []*ast.ReturnStmt
	// In a function that receives no response, the statements that
	// define one (see definesResponse). One that receives a response may
	// wrap it in a new variable, which is still the same response.
	var defs map[ast.Stmt]bool
	own := !receivesResponse(s)
	addDef := func(st ast.Stmt) {
		if own && m.definesResponse(st) {
			if defs == nil {
				defs = make(map[ast.Stmt]bool)
			}
			defs[st] = true
		}
	}
	m.inspectBody(n, body, func(x ast.Node, stack []ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			evs := m.callEvents(x, s, append(stack, x))
			if m.unsentOnly(stack, x) {
				evs = slices.DeleteFunc(evs, func(ev *Event) bool { return ev.Kind == WriteStatus })
			}
			sum.events = append(sum.events, evs...)
			sum.wrapped = append(sum.wrapped, m.wrappedEvents(x, s, append(stack, x))...)
		case *ast.CompositeLit:
			if ev := m.optionsEvent(x, s, append(stack, x)); ev != nil {
				sum.events = append(sum.events, ev)
			}
		case *ast.IndexExpr:
			if ev := m.headerIndexEvent(x); ev != nil {
				sum.events = append(sum.events, ev)
			}
		case *ast.AssignStmt:
			sum.events = append(sum.events, m.headerAssigns(x, s)...)
			addDef(x)
		case *ast.DeclStmt:
			addDef(x)
		case *ast.ReturnStmt:
			returns = append(returns, x)
		}
		return true
	})
	if own {
		sum.events = distinctReads(sum.events)
	}
	if len(sum.events) > maxEvents {
		sum.events = sum.events[:maxEvents]
	}
	sum.exit = m.flow(body, sum.events, defs)
	if i := cookieResult(s.sig); i >= 0 {
		sum.factory = m.returnedCookie(n, s, returns, i)
	}
	return sum
}

// cookieResult returns the index of the one result of sig that is of a
// cookie type, or -1 when none or several are: func() *http.Cookie and
// func() (*http.Cookie, error) are factories, and their other results
// do not matter.
func cookieResult(sig *types.Signature) int {
	if sig == nil {
		return -1
	}
	idx := -1
	for i := range sig.Results().Len() {
		if f, _ := cookieType(sig.Results().At(i).Type()); f != 0 {
			if idx >= 0 {
				return -1
			}
			idx = i
		}
	}
	return idx
}

// returnedCookie returns the cookie that the function fn returns as its
// result i, or nil. Returns of nil or of a zero literal for it (the error
// paths of func() (*http.Cookie, error)) build no cookie; the others must
// all be one return, or bare returns of the named result, that the model
// can follow.
func (m *model) returnedCookie(fn ast.Node, s *scope, returns []*ast.ReturnStmt, i int) *Cookie {
	n := s.sig.Results().Len()
	var found *Cookie
	var bare *ast.ReturnStmt // the last bare return
	for _, ret := range returns {
		var c *Cookie
		switch {
		case len(ret.Results) == 0:
			bare = ret
			continue
		case len(ret.Results) == n:
			if m.noCookie(ret.Results[i]) {
				continue
			}
			c = m.resolveCookie(ret.Results[i], s, ret, 0)
		case len(ret.Results) == 1:
			c = m.tupleCookie(ret.Results[0], i, s) // return newCookie(user)
		}
		if c == nil || found != nil {
			return nil
		}
		found = c
	}
	if bare != nil {
		// The named result, followed once, with the fields set before
		// the last bare return.
		c := m.namedResultCookie(fn, s.sig.Results().At(i), s, bare)
		if c == nil || found != nil {
			return nil
		}
		found = c
	}
	return found
}

// noCookie reports whether e is nil or an empty composite literal
// (&http.Cookie{}, fiber.Cookie{}): what a factory returns with an error.
func (m *model) noCookie(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if cl, ok := e.(*ast.CompositeLit); ok {
		return len(cl.Elts) == 0
	}
	return m.info.Types[e].IsNil()
}

// tupleCookie returns the cookie that e, a call of a factory with several
// results, returns as its result i, or nil.
func (m *model) tupleCookie(e ast.Expr, i int, s *scope) *Cookie {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn := funcs.Called(m.info, call)
	if fn == nil || cookieResult(fn.Type().(*types.Signature)) != i {
		return nil
	}
	if c := m.requestCookie(fn, call, i, s); c != nil {
		return c
	}
	return m.factoryCookie(call, s)
}

// requestCookie returns the cookie a request cookie read gives (r.Cookie,
// echo's c.Cookie): its name and value only, as the Cookie header
// carries them (net/http's readCookies sets no other field), so that it
// set again on the response has none of the attributes.
func (m *model) requestCookie(fn *types.Func, call *ast.CallExpr, i int, s *scope) *Cookie {
	a, ok := httpfw.Lookup(fn)
	if !ok || a.Op != httpfw.ReadCookie || a.Arg < 0 || a.Arg >= len(call.Args) {
		return nil
	}
	f, typ := cookieType(fn.Type().(*types.Signature).Results().At(i).Type())
	c := newCookie(f, StructSyntax, typ)
	c.Name = m.eval(call.Args[a.Arg], s.params)
	c.Value = unknown(call)
	c.syn.decl = call
	return c
}

// namedResultCookie returns the cookie that a bare return of fn returns
// in its named result v, or nil. With one assignment to v, every bare
// return gives that cookie or nil.
func (m *model) namedResultCookie(fn ast.Node, v *types.Var, s *scope, ret *ast.ReturnStmt) *Cookie {
	ft := FuncType(fn)
	if ft == nil || ft.Results == nil {
		return nil
	}
	for _, field := range ft.Results.List {
		for _, id := range field.Names {
			if m.info.Defs[id] == v {
				return m.resolveVar(v, id, s, ret, 0)
			}
		}
	}
	return nil
}

// bodyNodes are the nodes summary looks at.
var bodyNodes = []ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.DeclStmt)(nil), (*ast.ReturnStmt)(nil), (*ast.IndexExpr)(nil)}

// inspectBody calls f, in preorder, for the nodes of the body of fn that
// are of the types of bodyNodes, as ast.PreorderStack(body, nil, f) would
// for them: with the nodes enclosing each, from body down. Like that, it
// does not descend where f returns false. It builds a stack only for the
// nodes f is called for.
func (m *model) inspectBody(fn ast.Node, body *ast.BlockStmt, f func(n ast.Node, stack []ast.Node) bool) {
	bc, ok := bodyCursor(m.funcs, fn, body)
	if !ok {
		ast.PreorderStack(body, nil, f)
		return
	}
	var stack []ast.Node
	bc.Inspect(bodyNodes, func(c inspector.Cursor) bool {
		stack = stack[:0]
		for p := c.Parent(); ; p = p.Parent() {
			stack = append(stack, p.Node())
			if p == bc {
				break
			}
		}
		slices.Reverse(stack)
		// Room for the node itself, which callers append.
		stack = slices.Grow(stack, 1)
		return f(c.Node(), stack)
	})
}

func (m *model) newScope(n ast.Node) *scope {
	s := &scope{node: n, params: make(map[*types.Var]int)}
	sig, _ := m.info.TypeOf(sigExpr(n)).(*types.Signature)
	if d, ok := n.(*ast.FuncDecl); ok {
		if fn, ok := m.info.Defs[d.Name].(*types.Func); ok {
			sig = fn.Type().(*types.Signature)
		}
	}
	s.sig = sig
	if sig != nil {
		for i := 0; i < sig.Params().Len(); i++ {
			s.params[sig.Params().At(i)] = i
		}
	}
	return s
}

// callEvents returns the events of one call inside scope s; stack ends
// with the call.
func (m *model) callEvents(call *ast.CallExpr, s *scope, stack []ast.Node) []*Event {
	sink := enclosingStmt(stack)
	fn := funcs.Called(m.info, call)
	if fn == nil {
		return m.funcVarEvents(call, s, sink)
	}
	if a, ok := httpfw.Lookup(fn); ok {
		return m.events(a, call, s, sink)
	}
	if p := httpfw.PkgPath(fn); p == httpfw.PathSessions || p == httpfw.PathFiberV2Session {
		if ev := m.storeEvent(call, fn, stack); ev != nil {
			return []*Event{ev}
		}
		return nil
	}
	helper, _, exit := m.callee(fn)
	var out []*Event
	via := viaName(fn)
	logger := returnsLogger(fn)
	for _, h := range helper {
		if h.Kind == ReadIdentity && logger {
			continue // the user tags log lines, not the response
		}
		if e := m.substEvent(h, via, call, s, sink); e != nil {
			e.callEnd = exit
			out = append(out, e)
		}
	}
	return out
}

// viaName names fn in the events it performs for its callers.
func viaName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// returnsLogger reports whether fn builds a logger: its results are
// loggers and nothing else.
func returnsLogger(fn *types.Func) bool {
	res := fn.Type().(*types.Signature).Results()
	for i := range res.Len() {
		if !names.Logger(res.At(i).Type()) {
			return false
		}
	}
	return res.Len() > 0
}

// factoryCookie resolves a call of a function that returns a cookie.
func (m *model) factoryCookie(call *ast.CallExpr, s *scope) *Cookie {
	fn := funcs.Called(m.info, call)
	if fn == nil {
		return nil
	}
	_, c, _ := m.callee(fn)
	if c == nil {
		return nil
	}
	out := m.substCookie(c, call, s, call)
	if out != nil && out.Param < 0 {
		// The factory's own variable is not in scope at the call: a
		// fix may edit its literal, not assign to its variable.
		out.syn.varID = nil
	}
	return out
}

// callee returns what fn does to a response it receives, the cookie it
// returns and the stage it leaves the response at: from its summary in
// this package, or from the facts exported by its own package.
func (m *model) callee(fn *types.Func) ([]*Event, *Cookie, Stage) {
	fn = fn.Origin()
	if d, ok := m.decls[fn]; ok {
		sum := m.summary(d)
		return sum.events, sum.factory, sum.exit
	}
	if fn.Pkg() == m.pass.Pkg {
		return nil, nil, Open
	}
	sum, ok := m.imported[fn]
	if !ok {
		var helper HelperFact
		var factory FactoryFact
		m.pass.ImportObjectFact(fn, &helper)
		m.pass.ImportObjectFact(fn, &factory)
		sum = &summary{events: helper.Events(), factory: factory.Cookie, exit: helper.Exit}
		m.imported[fn] = sum
	}
	return sum.events, sum.factory, sum.exit
}

// exportFacts exports what a function declaration does for its callers.
func (m *model) exportFacts(d *ast.FuncDecl, sum *summary) {
	fn, ok := m.info.Defs[d.Name].(*types.Func)
	if !ok {
		return
	}
	if sum.factory != nil {
		m.pass.ExportObjectFact(fn, &FactoryFact{Cookie: sum.factory.forCallers()})
	}
	events := sum.events
	if !hasResponseParam(fn.Type().(*types.Signature)) {
		// What it reads from the request is still its callers' to know
		// (a currentUser(r) that reads the session cookie). The standard
		// library's reads are of requests it sends (http.Client.Do) or
		// are modelled by httpfw's call table.
		if inStd(m.pass) {
			return
		}
		events = requestReads(events)
	}
	if len(events) == 0 {
		return
	}
	m.pass.ExportObjectFact(fn, m.packer.helperFact(events, sum.exit))
}

func hasResponseParam(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if httpfw.ResponseParam(sig.Params().At(i).Type()) != 0 {
			return true
		}
	}
	return false
}

// packageEvents returns the events of package-level declarations: session
// stores kept in package variables.
func (m *model) packageEvents() []*Event {
	var out []*Event
	s := &scope{params: map[*types.Var]int{}}
	for _, f := range m.pass.Files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			s.node = gd
			ast.PreorderStack(gd, nil, func(x ast.Node, stack []ast.Node) bool {
				switch x := x.(type) {
				case *ast.FuncLit:
					return false
				case *ast.CallExpr:
					if fn := funcs.Called(m.info, x); fn != nil && (httpfw.PkgPath(fn) == httpfw.PathSessions || httpfw.PkgPath(fn) == httpfw.PathFiberV2Session) {
						if ev := m.storeEvent(x, fn, append(stack, x)); ev != nil {
							out = append(out, ev)
						}
					}
				case *ast.CompositeLit:
					if ev := m.optionsEvent(x, s, append(stack, x)); ev != nil {
						out = append(out, ev)
					}
				}
				return true
			})
		}
	}
	return out
}

// enclosingStmt returns the innermost statement on stack.
func enclosingStmt(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		if st, ok := stack[i].(ast.Stmt); ok {
			return st
		}
	}
	return stack[len(stack)-1]
}
