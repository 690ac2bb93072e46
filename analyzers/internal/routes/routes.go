// Package routes follows handlers of one package to the routes that serve
// them: through conversions and wrappers (http.HandlerFunc(h), auth(h)),
// variables, struct fields and functions that return them, to a
// registration call (mux.Handle, r.Get, e.GET, app.Get, ...), and knows
// the router or group each route is registered on and the middleware in
// use there: wrapping the handler, passed beside it (gin's and fiber's
// handler chains, echo's route middleware), or in use on its router (Use,
// With, Group, Route and Mount in chi; Use and subrouters in gorilla/mux;
// Use and Group in gin, echo and fiber; echo's Pre), also on the routers a
// group derives from.
//
// What a middleware does is the caller's question (Model's covers
// function). What lies in other packages reaches a Model through the
// caller's facts: a route whose router comes from, or goes to, a function
// that other packages call is Deferred to it, so that the package that
// calls it, and sees both sides, decides (see docs/design.md).
package routes

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// A Model answers where the handlers of one package are served. It reads
// the package's non-test files, indexed once, when first asked.
type Model struct {
	*index
	covers func(ast.Expr) bool
	always bool // only middleware in use whatever the configuration (see Always)
}

// index is what a Model knows of its package's syntax, shared by the
// models With makes.
type index struct {
	pass *analysis.Pass
	insp *inspector.Inspector // nil for a package that cannot respond

	built     bool
	refs      map[types.Object][]inspector.Cursor // uses of functions, variables and fields
	lits      map[*ast.FuncLit]inspector.Cursor
	typeLits  map[*types.TypeName][]inspector.Cursor // T{...} and new(T)
	uses      map[types.Object][]middleware          // middleware given to X.Use and X.Pre
	defs      map[types.Object][]ast.Expr            // values assigned to variables and fields
	params    map[*types.Var]param
	idents    map[types.Object]*ast.Ident        // where the package's variables are declared
	stmts     map[types.Object]ast.Stmt          // where local variables are declared (see DefStmt)
	dispatch  map[string][]*types.Func           // methods of interfaces in use, by name (see funcRefs)
	listed    map[*types.TypeName][]types.Type   // interfaces whose literals list a type's values (see addListed)
	decls     map[*types.Func]*ast.FuncDecl      // the package's function declarations (non-test files)
	forwarded map[ast.Expr][]ast.Expr            // see Forwarded
	calls     map[*ast.CallExpr]inspector.Cursor // the package's calls (non-test files)
}

// New returns the model of pass's package. covers reports whether a
// middleware (a function, a call that makes one, a variable holding one)
// does what the caller looks for; a route behind one is covered.
func New(pass *analysis.Pass, insp *inspector.Inspector, covers func(ast.Expr) bool) *Model {
	return &Model{index: &index{pass: pass, insp: insp}, covers: covers}
}

// With returns a model of the same package whose routes are covered by
// the middleware covers accepts.
func (m *Model) With(covers func(ast.Expr) bool) *Model {
	return &Model{index: m.index, covers: covers, always: m.always}
}

// Always returns a model like m in which a middleware put in use only on
// some paths (r.Use(mw) inside an if, configuration turning it on) covers
// nothing.
func (m *Model) Always() *Model {
	return &Model{index: m.index, covers: m.covers, always: true}
}

// A middleware given to X.Use or X.Pre.
type middleware struct {
	expr   ast.Expr
	always bool          // the call is in no if, switch, select or loop of its function
	call   *ast.CallExpr // the call that puts it in use
	order  httpfw.Order  // which routes of X it reaches (see reaches)
}

// Where says where a handler is served, as far as its package shows.
type Where struct {
	// Routes are the registrations that may serve it for GET or HEAD
	// with no covering middleware.
	Routes []Route
	// Escapes are exported functions whose result carries the handler
	// and that this package never calls: their callers decide.
	Escapes []*types.Func
	// Unknown is set when the handler goes where the model cannot
	// follow, or nowhere in this package.
	Unknown bool
	// Covered are the registrations, or the calls of middleware around
	// the handler, where a covering middleware applies.
	Covered []Route
}

// Served reports whether w names any place the handler is served from.
func (w *Where) Served() bool { return w.Unknown || len(w.Routes) > 0 || len(w.Escapes) > 0 }

// A Route is one registration of a handler.
type Route struct {
	Call  *ast.CallExpr     // the registration, or the call that hands a router to a Deferred function
	Lit   *ast.CompositeLit // the route literal given to Call, if any (httpfw.RouteType)
	Group Group
}

// A Group is the router or route group a route is registered on.
type Group struct {
	// Node is where the group is made: the call that creates the router
	// or group (chi.NewRouter(), r.Group("/admin")), the parameter that
	// receives it, or the registration itself when the router is not
	// in sight.
	Node ast.Node
	// Obj is the variable, field or parameter that holds the router,
	// or, for package-level registration functions (http.HandleFunc),
	// the function; nil when the router is an expression (r.With(mw)).
	Obj types.Object
	// Deferred is set when the router comes from the caller of an
	// exported function, or is returned to it, and this package never
	// calls that function.
	Deferred *Deferred
}

// Key identifies the group among a package's routes.
func (g Group) Key() any {
	if g.Obj != nil {
		return g.Obj
	}
	return g.Node
}

// Deferred names the function whose callers decide about a route: the
// router is its parameter Param, or its result when Param is -1.
type Deferred struct {
	Func  *types.Func
	Param int
}
