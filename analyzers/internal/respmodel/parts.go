package respmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// Holes in a built string's Template.
const (
	// RawHole stands for a string computed at run time and inserted as it
	// is: it may carry quotes, ";", line breaks or non-ASCII characters.
	RawHole = "\x00"
	// SafeHole stands for a computed part that cannot: a number, or a
	// string escaped by url.PathEscape, strconv.Itoa, time.Time.Format and
	// the like.
	SafeHole = "\x01"
	// ParamHole stands for a string parameter of the enclosing function,
	// inserted as it is: raw or safe depending on each call, where it is
	// replaced by RawHole or SafeHole (Built.HoleParams).
	ParamHole = "\x02"
	// Holes are all the holes.
	Holes = RawHole + SafeHole + ParamHole
)

// A Part is one piece of a string built by + or fmt.Sprintf: constant
// text, or a hole computed at run time.
type Part struct {
	Text  string // the constant text; "" for a hole
	Hole  bool
	Raw   bool     // a raw hole (see RawHole)
	Param int      // for a parameter hole (see ParamHole), its index; else -1
	Verb  rune     // the fmt verb that formats the hole; 0 for an operand of +
	Expr  ast.Expr // the hole's expression
}

// Built describes a string built by + or fmt.Sprintf from constant text
// and computed parts.
type Built struct {
	// Template is the constant text with each computed part replaced by
	// RawHole, SafeHole or ParamHole.
	Template string
	// HoleParams are the parameter indexes of the ParamHoles of Template,
	// in order.
	HoleParams []int

	// The syntax, if the string is built in this package.
	root  ast.Expr // the + or Sprintf expression, after following variables
	parts []Part
}

// Parts returns the pieces of a string value built in this package by +
// or fmt.Sprintf, and the expression that builds it (a definition the
// value was followed to, or the value's own expression); nil otherwise.
func (v Value) Parts() ([]Part, ast.Expr) {
	if v.Built == nil {
		return nil, nil
	}
	return v.Built.parts, v.Built.root
}

// evalString is eval for a string value; when the value is built by + or
// fmt.Sprintf it also keeps its Template and parts.
func (m *model) evalString(e ast.Expr, s *scope) Value {
	v := m.eval(e, s.params)
	if v.State != Unknown || v.Param >= 0 || e == nil {
		return v
	}
	if t := m.info.TypeOf(e); t == nil || !isStringType(t) {
		return v
	}
	root := m.followVar(e)
	parts := m.parts(root, s, 0)
	text, hole := false, false
	var b strings.Builder
	var params []int
	for _, p := range parts {
		switch {
		case !p.Hole:
			text = true
			b.WriteString(p.Text)
		case p.Param >= 0:
			hole = true
			b.WriteString(ParamHole)
			params = append(params, p.Param)
		case p.Raw:
			hole = true
			b.WriteString(RawHole)
		default:
			hole = true
			b.WriteString(SafeHole)
		}
	}
	if text && hole {
		v.Built = &Built{Template: b.String(), HoleParams: params, root: root, parts: parts}
	}
	return v
}

// followVar follows a variable with a single definition to the expression
// that defines it.
func (m *model) followVar(e ast.Expr) ast.Expr {
	for range maxDepth {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			break
		}
		obj, ok := m.info.Uses[id].(*types.Var)
		if !ok {
			break
		}
		rhs, ok := m.defs.single(obj)
		if !ok || rhs == nil {
			break
		}
		e = rhs
	}
	return ast.Unparen(e)
}

// parts splits a string expression into constant text and holes,
// following +, fmt.Sprintf with a constant format, and variables with a
// single definition.
func (m *model) parts(e ast.Expr, s *scope, depth int) []Part {
	e = ast.Unparen(e)
	if v := m.eval(e, s.params); v.State == Known {
		return []Part{{Text: v.Str, Param: -1}}
	}
	hole := []Part{m.hole(e, 0, s, depth)}
	if depth > maxDepth {
		return hole
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return append(m.parts(x.X, s, depth+1), m.parts(x.Y, s, depth+1)...)
		}
	case *ast.CallExpr:
		if isFunc(m.info, x, "fmt", "Sprintf") && len(x.Args) > 0 {
			if f := m.eval(x.Args[0], s.params); f.State == Known {
				return m.sprintfParts(f.Str, x.Args[1:], s, depth)
			}
		}
	case *ast.Ident:
		// A variable holding a string built elsewhere is followed; one
		// holding a computed value, or checked by a regexp allowlist
		// before this use, stays the hole, under its name.
		if r := m.followVar(x); r != x && !m.allowlistedIdent(x) {
			if ps := m.parts(r, s, depth+1); len(ps) > 1 || !ps[0].Hole {
				return ps
			}
		}
	}
	return hole
}

// sprintfParts returns the pieces of fmt.Sprintf(format, args...).
func (m *model) sprintfParts(format string, args []ast.Expr, s *scope, depth int) []Part {
	pieces, mapped := parseFormat(format)
	var out []Part
	i := 0
	for _, p := range pieces {
		if p.verb < 0 {
			out = append(out, Part{Text: p.text, Param: -1})
			continue
		}
		// A missing argument or verb prints a constant error text.
		h := Part{Hole: true, Param: -1, Verb: p.verb}
		switch {
		case !mapped:
			h.Raw = p.verb == 's' || p.verb == 'v'
		case i < len(args):
			h = m.hole(args[i], p.verb, s, depth)
		}
		i++
		out = append(out, h)
	}
	return out
}

// hole returns the hole of e formatted with verb (0 for an operand of +):
// a parameter hole for a string parameter of the function, which its
// callers decide on.
func (m *model) hole(e ast.Expr, verb rune, s *scope, depth int) Part {
	h := Part{Hole: true, Raw: m.raw(e, verb, s, depth), Param: -1, Verb: verb, Expr: e}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && h.Raw {
		if obj, ok := m.info.Uses[id].(*types.Var); ok {
			if i, ok := s.params[obj]; ok && !m.validated(obj, s.node) && len(m.defs.assigns[obj]) == 0 {
				h.Raw, h.Param = false, i
			}
		}
	}
	return h
}

// A formatPiece is constant text (verb < 0) or one verb of a format.
type formatPiece struct {
	text string
	verb rune // 0: a verb cut off by the end of the format
}

// parseFormat splits a printf format into text and verbs. mapped is false
// when verbs do not take their arguments in order (explicit indexes, *).
func parseFormat(format string) (pieces []formatPiece, mapped bool) {
	mapped = true
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			pieces = append(pieces, formatPiece{text: text.String(), verb: -1})
			text.Reset()
		}
	}
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			text.WriteByte(format[i])
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			text.WriteByte('%')
			i++
			continue
		}
		flush()
		verb := rune(0)
		for i++; i < len(format); i++ {
			if c := format[i]; strings.IndexByte("vTtbcdoOqxXUeEfFgGsp", c) >= 0 {
				verb = rune(c)
				break
			} else if c == '*' || c == '[' {
				mapped = false
			}
		}
		pieces = append(pieces, formatPiece{verb: verb})
	}
	flush()
	return pieces, mapped
}

// raw reports whether e, formatted with verb (0 for an operand of +), may
// insert quotes, separators or line breaks: a string or byte slice printed
// as it is, unless it comes from an escaping or formatting function, only
// ever holds constants, or is checked against known values. %q quotes and
// escapes the string, a deliberate choice.
func (m *model) raw(e ast.Expr, verb rune, s *scope, depth int) bool {
	if verb != 0 && verb != 's' && verb != 'v' {
		return false // %d, %x: digits and letters; %q: quotes and escapes
	}
	t := m.info.TypeOf(e)
	if t == nil {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsString == 0 {
			return false
		}
	case *types.Slice, *types.Interface:
		return true
	default:
		return false // structs, arrays: printed by the program's own rules
	}
	return !m.safeString(e, s, depth)
}

// safeString reports whether a string expression cannot carry quotes,
// separators, line breaks or non-ASCII text.
func (m *model) safeString(e ast.Expr, s *scope, depth int) bool {
	if depth > maxDepth {
		return false
	}
	e = ast.Unparen(e)
	if tv, ok := m.info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		return m.safeParts(e, s, depth)
	case *ast.CallExpr:
		if isFunc(m.info, x, "fmt", "Sprintf") {
			return m.safeParts(e, s, depth)
		}
		fn := funcs.Called(m.info, x)
		if fn == nil {
			return false
		}
		return safeFunc(httpfw.PkgPath(fn)+"."+fn.Name()) || sanitizer(fn.Name())
	case *ast.Ident:
		// A variable that is only ever given safe values, such as an
		// extension chosen among constants.
		// Parameters and fields are not: their declaration assigns nothing.
		obj, ok := m.info.Uses[x].(*types.Var)
		if !ok || obj.IsField() {
			return false
		}
		if m.validated(obj, s.node) || m.allowlisted(obj, x) {
			return true
		}
		if m.defs.addrTaken[obj] {
			return false
		}
		// Reassigned through a sanitizer before this use, on every path:
		// name = sanitizeFilename(name).
		if a, ok := m.reaching(obj, x); ok {
			return !a.opaque && (a.rhs == nil || m.safeString(a.rhs, s, depth+1))
		}
		declared := false
		for _, a := range m.defs.assigns[obj] {
			if a.opaque || a.rhs == nil || !m.safeString(a.rhs, s, depth+1) {
				return false
			}
			declared = declared || a.stmt.Pos() <= obj.Pos() && obj.Pos() < a.stmt.End()
		}
		return declared
	}
	return false
}

// safeParts reports whether a string built by + or fmt.Sprintf has no
// raw part.
func (m *model) safeParts(e ast.Expr, s *scope, depth int) bool {
	for _, p := range m.parts(e, s, depth+1) {
		if p.Raw {
			return false
		}
	}
	return true
}

// safeFunc reports whether the function or method path.name returns
// digits, letters and escapes only.
func safeFunc(name string) bool {
	switch name {
	case "net/url.PathEscape", "net/url.QueryEscape",
		"strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint", "strconv.FormatFloat",
		"strconv.FormatBool", "strconv.Quote", "strconv.QuoteToASCII",
		"time.Format", "encoding/hex.EncodeToString", "encoding/base64.EncodeToString",
		"mime.FormatMediaType", "github.com/resplint/resplint/httpsafe.ContentDisposition":
		return true
	}
	return false
}

// sanitizer reports whether a function's name says it makes a string
// safe (sanitizeFilename, toASCIISafeName, escapeQuotes, QuoteFilename):
// the author took care, and a report would not be one to act on.
func sanitizer(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"saniti", "safe", "escape", "quote", "ascii", "encode", "clean"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// isFunc reports whether call calls the package-level function path.name.
func isFunc(info *types.Info, call *ast.CallExpr, path, name string) bool {
	fn := funcs.Called(info, call)
	return fn != nil && fn.Name() == name && httpfw.PkgPath(fn) == path
}

// comparisons are the nodes validated looks at.
var comparisons = []ast.Node{(*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)}

// validated reports whether fn compares the variable obj with a non-empty
// string constant (v != "views" && v != "clicks", switch v { case ... })
// or a safe string (v == sanitize(v)): code that checks a value before
// using it.
func (m *model) validated(obj *types.Var, fn ast.Node) bool {
	if fn == nil {
		return false
	}
	constant := func(e ast.Expr) bool {
		if v := m.eval(e, nil); v.State == Known {
			return v.Str != ""
		}
		// Without a function, safeString does not come back here.
		return !m.uses(e, obj) && m.safeString(e, &scope{}, maxDepth-1)
	}
	found := false
	m.inspectFunc(fn, comparisons, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				found = found || m.uses(n.X, obj) && constant(n.Y) || m.uses(n.Y, obj) && constant(n.X)
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && m.uses(n.Tag, obj) {
				for _, c := range n.Body.List {
					for _, e := range c.(*ast.CaseClause).List {
						found = found || constant(e)
					}
				}
			}
		}
		return !found
	})
	return found
}
