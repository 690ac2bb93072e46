// Package jsonvalue says what the value a JSON body event serialises
// holds, for jsonleak: the serialised expression and its static type,
// resolved through variables, interface values with one assignment and
// json.Marshal output (value.go); the parameters a helper puts in an
// envelope literal (slots), resolved at its call sites; and the paths
// the value cannot hold there (Value.Cleared): fields blanked on every
// path to the write (blank.go, with BlanksFact for sanitizers in other
// packages), columns a gorm query left out (gorm.go), a value nil on
// every path, and what a function's results are empty in (empty.go,
// EmptiesFact). It also lists what a package decodes request bodies
// into (decode.go).
//
// respmodel builds a Model per package and asks it about each JSON body
// event as it meets one; the Model asks respmodel (Host) for the
// package's assignments and constants. A body that is the result of a
// call holds what the function puts in the envelope it returns
// (returned.go, FillsFact). A wrapper's closure that writes what a
// function it is given returns is resolved at the wrapper's calls with
// what that function returns (wrapped.go, ReturnsFact). BlanksFact,
// EmptiesFact, FillsFact and ReturnsFact are exported by respmodel's
// analyzer, which lists them in its FactTypes.
package jsonvalue

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/objectpath"
)

// A Host is what the model asks of the response model of the package.
type Host interface {
	// Scope returns the scope of a function declaration or literal.
	Scope(fn ast.Node) Scope
	// Const evaluates e as a constant, in a function whose parameters
	// are params.
	Const(e ast.Expr, params map[*types.Var]int) Const
	// Assigns returns the assignments to a variable or struct field,
	// Fields those to fields reached from a variable, and AddrTaken
	// whether the variable's address is taken.
	Assigns(obj types.Object) iter.Seq[Assign]
	Fields(obj types.Object) iter.Seq[FieldAssign]
	AddrTaken(obj types.Object) bool
}

// A Scope is the function whose body is being read.
type Scope struct {
	Node   ast.Node // *ast.FuncDecl or *ast.FuncLit; nil at package level
	Sig    *types.Signature
	Params map[*types.Var]int // the index of each parameter
}

// A Const is what is known of an expression's constant value.
type Const struct {
	Known bool
	Str   string
	Int   int64
}

// An Assign gives a variable or struct field a value.
type Assign struct {
	Rhs    ast.Expr // nil: declared without an initializer
	Opaque bool     // a value that cannot be followed (tuple, x += y, range)
	Stmt   ast.Node
}

// A FieldAssign sets a field reached from a variable:
// obj.Path[0].Path[1]... = Rhs.
type FieldAssign struct {
	Path []string
	Rhs  ast.Expr
	Stmt ast.Node
}

// Model answers for one package.
type Model struct {
	pass  *analysis.Pass
	info  *types.Info
	insp  *inspector.Inspector
	host  Host
	decls map[*types.Func]*ast.FuncDecl
	own   bool
	// decoded and decodeHelpers collect what the package decodes JSON
	// into (decode.go).
	decoded       []types.Type
	decodeHelpers []decodeHelper
	blanks        map[*types.Func][]Blank      // what functions of the package blank (blank.go)
	empties       map[*types.Func]*EmptiesFact // what their results are empty in (empty.go)
	assume        map[types.Object]bool        // boolean parameters assumed constant (emptyCases)
	puts          map[*types.Func]*funcPuts    // what functions of the package put in their results (returned.go)
	imported      map[*types.Func][]Fill       // what those of other packages do (fills.go)
	encoder       objectpath.Encoder
}

// New returns the model of the package of pass. decls holds the
// package's function declarations with bodies, by function, as the
// caller finds them; own says the package is the user's code, not the
// standard library's or a dependency's, and only such a package exports
// facts.
func New(pass *analysis.Pass, insp *inspector.Inspector, host Host, decls map[*types.Func]*ast.FuncDecl, own bool) *Model {
	return &Model{
		pass:     pass,
		info:     pass.TypesInfo,
		insp:     insp,
		host:     host,
		decls:    decls,
		own:      own,
		blanks:   make(map[*types.Func][]Blank),
		empties:  make(map[*types.Func]*EmptiesFact),
		puts:     make(map[*types.Func]*funcPuts),
		imported: make(map[*types.Func][]Fill),
	}
}

// Body returns the value a JSON body serialises, e, in scope s.
func (m *Model) Body(e ast.Expr, s Scope) *Value { return m.jsonValue(e, s) }

// Marshalled reports whether the bytes or string e are the output of
// json.Marshal or json.MarshalIndent, and returns the marshalled
// expression.
func (m *Model) Marshalled(e ast.Expr) (ast.Expr, bool) { return m.marshalled(e) }

// Subst instantiates a helper's JSON value at call, in the caller's
// scope s.
func (m *Model) Subst(v *Value, call *ast.CallExpr, s Scope) *Value {
	return m.substJSON(v, call, s)
}

// NoteDecode records call, the last node of stack, if it decodes a
// request body.
func (m *Model) NoteDecode(call *ast.CallExpr, stack []ast.Node) { m.noteDecode(call, stack) }

// Decoded returns the types the package decodes request bodies into; a
// nil entry is a decode whose target type is unknown.
func (m *Model) Decoded() []types.Type { return m.decodedTypes(m.insp) }

// ExportFacts exports the BlanksFact, EmptiesFact, FillsFact and
// ReturnsFact of a function declaration, if it has them.
func (m *Model) ExportFacts(d *ast.FuncDecl) { m.exportValueFacts(d) }

// ExportAllFacts exports them for every function of the package, for a
// package whose functions respmodel does not otherwise read.
func (m *Model) ExportAllFacts() { m.exportAllValueFacts() }

// compositeLit returns the composite literal e is, or takes the address
// of.
func compositeLit(e ast.Expr) *ast.CompositeLit {
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		lit, _ := ast.Unparen(u.X).(*ast.CompositeLit)
		return lit
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}

// maxDepth bounds how many definitions are followed, as respmodel's
// values do.
const maxDepth = 8
