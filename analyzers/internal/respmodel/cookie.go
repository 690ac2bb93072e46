package respmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/funcs"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// A Cookie is what one Set-Cookie will carry, as far as the code says.
// It is gob-encodable so that helpers and factories can export it in facts.
type Cookie struct {
	Framework httpfw.Framework
	Syntax    Syntax
	// Type is the Go type the cookie is written as ("http.Cookie",
	// "fiber.Cookie", "sessions.Options"), or "" for gin's arguments and
	// raw header strings.
	Type string

	Name        Value // string
	Value       Value // string
	HttpOnly    Value // bool
	Secure      Value // bool
	Partitioned Value // bool
	SameSite    Value // http.SameSite (int) or fiber's string
	MaxAge      Value // int
	Expires     Value // Bool: known to be in the past
	Path        Value // string
	Domain      Value // string
	SessionOnly Value // bool, fiber only

	// Session: the cookie carries a gorilla/sessions session.
	Session bool

	// Program is set for a store of another package judged in package
	// main (storeprogram.go).
	Program *ProgramStore

	// Param is the parameter the whole cookie comes from (a helper that
	// sets a cookie it is given), or -1.
	Param int

	syn cookieSyntax // how to edit it; zero when not in this package
}

// Syntax says how a cookie was written in the source.
type Syntax uint8

const (
	// StructSyntax: a value of a cookie struct type (httpfw.CookieType).
	StructSyntax Syntax = iota + 1
	// ArgsSyntax: a call's positional arguments (httpfw.CookieArgs).
	ArgsSyntax
	// HeaderString: a raw Set-Cookie header value.
	HeaderString
	// StoreDefaults: a session store's default options.
	StoreDefaults
	// ClearHelper: a framework's call that deletes cookies by name
	// (httpfw.ClearCookie).
	ClearHelper
	// EmptyOptions: the Options of a session made without its store's
	// defaults (httpfw.NewSession), as the package then sets them.
	EmptyOptions
)

// cookieSyntax keeps the syntax of a cookie in this package, for fixes and
// related information.
type cookieSyntax struct {
	lit    *ast.CompositeLit // the literal, if any
	varID  *ast.Ident        // the variable holding it, if any
	decl   ast.Node          // the literal, new(T) call or declaration
	sink   ast.Node          // the statement that sets the cookie
	call   *ast.CallExpr     // the sink call (gin: the SetCookie call)
	header *headerString     // raw header strings
	store  ast.Expr          // the variable or field a session store is kept in
	local  bool              // store is a local variable, configurable after sink
}

// Decl returns the position of the cookie's literal or declaration in this
// package, or token.NoPos.
func (c *Cookie) Decl() token.Pos {
	if c.syn.decl != nil {
		return c.syn.decl.Pos()
	}
	return token.NoPos
}

// SameSiteMode is the SameSite attribute browsers will see.
type SameSiteMode uint8

const (
	// SameSiteMissing: no SameSite attribute is written.
	SameSiteMissing SameSiteMode = iota
	SameSiteLax
	SameSiteStrict
	SameSiteNone
	// SameSiteDisabled: the attribute is explicitly turned off (fiber's
	// "disabled"), a deliberate choice.
	SameSiteDisabled
	SameSiteUnknown
)

// Values of net/http's SameSite enumeration (Go 1.26 net/http/cookie.go).
const (
	httpSameSiteDefault = 1
	httpSameSiteLax     = 2
	httpSameSiteStrict  = 3
	httpSameSiteNone    = 4
)

// rules returns the rules of the cookie's framework that apply to it.
func (c *Cookie) rules() httpfw.CookieRules {
	if r := httpfw.Of(c.Framework).Cookie; r.Applies(c.Syntax == StructSyntax) {
		return r
	}
	return httpfw.CookieRules{}
}

// SameSite returns the SameSite attribute the framework writes.
//
// net/http writes nothing for 0 and SameSiteDefaultMode, nor does a
// framework that passes a zero mode on; frameworks with a string SameSite
// have rules of their own (httpfw.CookieRules).
func (c *Cookie) SameSiteMode() SameSiteMode {
	v := c.SameSite
	if v.State == Unknown {
		return SameSiteUnknown
	}
	if c.rules().SameSiteString {
		if v.State == Absent {
			return SameSiteLax
		}
		switch strings.ToLower(v.Str) {
		case "strict":
			return SameSiteStrict
		case "none":
			return SameSiteNone
		case "disabled":
			return SameSiteDisabled
		}
		return SameSiteLax
	}
	if c.Syntax == HeaderString {
		if v.State == Absent {
			return SameSiteMissing
		}
		switch strings.ToLower(v.Str) {
		case "lax":
			return SameSiteLax
		case "strict":
			return SameSiteStrict
		case "none":
			return SameSiteNone
		}
		return SameSiteMissing // browsers ignore an unknown value
	}
	if v.State == Absent {
		return SameSiteMissing
	}
	switch v.Int {
	case httpSameSiteLax:
		return SameSiteLax
	case httpSameSiteStrict:
		return SameSiteStrict
	case httpSameSiteNone:
		return SameSiteNone
	}
	return SameSiteMissing
}

// SecureFlag is whether the Secure attribute is written, taking into
// account frameworks that turn it on for SameSite=None or Partitioned.
func (c *Cookie) SecureFlag() Value {
	if r := c.rules(); r.SecureIfNone && c.SameSiteMode() == SameSiteNone || r.SecureIfPartitioned && c.Partitioned.IsTrue() {
		return knownBool(true)
	}
	return c.Secure
}

// Prefix returns "__Secure-" or "__Host-" for a cookie whose name has
// that prefix, or "": browsers match prefixes case-insensitively and
// hold such cookies to their rules (RFC 6265bis section 4.1.3).
func (c *Cookie) Prefix() string {
	if c.Name.State != Known {
		return ""
	}
	name := strings.ToLower(c.Name.Str)
	switch {
	case strings.HasPrefix(name, "__secure-"):
		return "__Secure-"
	case strings.HasPrefix(name, "__host-"):
		return "__Host-"
	}
	return ""
}

// PathAttr is the Path attribute written, with the framework's path for
// an empty one.
func (c *Cookie) PathAttr() Value {
	p := c.Path
	if r := c.rules(); r.EmptyPath != "" && (p.State == Absent || p.State == Known && p.Str == "") {
		return knownStr(r.EmptyPath)
	}
	if p.State == Known && p.Str == "" {
		return absent()
	}
	return p
}

// Deleting reports whether the cookie deletes one the browser holds:
// MaxAge < 0 or Expires in the past (fiber's SessionOnly drops both).
func (c *Cookie) Deleting() bool {
	if c.SessionOnly.IsTrue() {
		return false
	}
	return c.MaxAge.State == Known && c.MaxAge.Int < 0 || c.Expires.IsTrue()
}

// Empty reports whether the cookie's value is the constant "": a cookie
// cleared, not deleted (logout's SetCookie("auth", "", 0, ...)), which
// holds nothing to protect.
func (c *Cookie) Empty() bool {
	return c.Value.State == Known && c.Value.Str == ""
}

// ValueIsFlag reports whether the cookie's value is a boolean flag — the
// constant "true" or "false", or strconv.FormatBool(x) — which holds
// no secret whatever the cookie is called (a "logged in" hint for
// scripts, next to the real HttpOnly session cookie).
func (c *Cookie) ValueIsFlag() bool {
	if c.Value.State == Known {
		switch strings.ToLower(c.Value.Str) {
		case "true", "false":
			return true
		}
	}
	return c.Value.Hint == formatBoolHint
}

// formatBoolHint marks a value computed by strconv.FormatBool.
const formatBoolHint = "strconv.FormatBool"

// cookieType reports whether t (or *t) is a cookie-describing struct, of
// which framework, and the type's name in messages.
func cookieType(t types.Type) (httpfw.Framework, string) {
	t = coreType(t)
	if f, name := httpfw.CookieType(t); f != 0 {
		return f, name
	}
	if isNetHTTPCookie(t) {
		return httpfw.NetHTTP, "http.Cookie" // type myCookie http.Cookie
	}
	return 0, ""
}

// coreType returns, for a type parameter whose constraint has one type
// (C ~*http.Cookie), that type; else t.
func coreType(t types.Type) types.Type {
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok {
		return t
	}
	it, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok || it.NumEmbeddeds() != 1 {
		return t
	}
	switch e := it.EmbeddedType(0).(type) {
	case *types.Union:
		if e.Len() == 1 {
			return e.Term(0).Type()
		}
	default:
		return e
	}
	return t
}

// isNetHTTPCookie reports whether t (or *t) has http.Cookie's struct: a
// type defined as http.Cookie under another name.
func isNetHTTPCookie(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || st.NumFields() == 0 {
		return false
	}
	f := st.Field(0)
	return f.Name() == "Name" && f.Pkg() != nil && f.Pkg().Path() == httpfw.PathNetHTTP
}

func newCookie(f httpfw.Framework, syntax Syntax, typ string) *Cookie {
	a := absent()
	return &Cookie{
		Framework: f, Syntax: syntax, Type: typ, Param: -1,
		Name: a, Value: a, HttpOnly: a, Secure: a, Partitioned: a, SameSite: a,
		MaxAge: a, Expires: a, Path: a, Domain: a, SessionOnly: a,
	}
}

// field returns the attribute a struct field sets, by the field's name in
// http.Cookie, fiber.Cookie and sessions.Options.
func (c *Cookie) field(name string) *Value {
	switch name {
	case "Name":
		return &c.Name
	case "Value":
		return &c.Value
	case "HttpOnly", "HTTPOnly":
		return &c.HttpOnly
	case "Secure":
		return &c.Secure
	case "Partitioned":
		return &c.Partitioned
	case "SameSite":
		return &c.SameSite
	case "MaxAge":
		return &c.MaxAge
	case "Expires":
		return &c.Expires
	case "Path":
		return &c.Path
	case "Domain":
		return &c.Domain
	case "SessionOnly":
		return &c.SessionOnly
	}
	return nil
}

// setField stores the value of field name written as e.
func (m *model) setField(c *Cookie, name string, e ast.Expr, s *scope) {
	p := c.field(name)
	if p == nil {
		return
	}
	if name == "Expires" {
		*p = m.pastTime(e, s)
		return
	}
	*p = m.eval(e, s.params)
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && name == "Value" {
		if fn := funcs.Called(m.info, call); fn != nil && httpfw.PkgPath(fn) == "strconv" && fn.Name() == "FormatBool" {
			p.Hint = formatBoolHint
		}
	}
}

// resolveCookie follows e to the cookie it denotes at sink, or nil.
func (m *model) resolveCookie(e ast.Expr, s *scope, sink ast.Node, depth int) *Cookie {
	if depth > maxDepth {
		return nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return m.resolveCookie(x.X, s, sink, depth+1)
		}
	case *ast.StarExpr:
		return m.resolveCookie(x.X, s, sink, depth+1)
	case *ast.CompositeLit:
		f, typ := cookieType(m.info.TypeOf(x))
		if f == 0 {
			return nil
		}
		c := newCookie(f, StructSyntax, typ)
		c.syn.lit, c.syn.decl = x, x
		st, _ := m.info.TypeOf(x).Underlying().(*types.Struct)
		for i, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					m.setField(c, id.Name, kv.Value, s)
				}
			} else if st != nil && i < st.NumFields() {
				m.setField(c, st.Field(i).Name(), elt, s)
			}
		}
		return c
	case *ast.CallExpr:
		if tv, ok := m.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return m.resolveCookie(x.Args[0], s, sink, depth+1) // (*http.Cookie)(c), http.Cookie(c)
		}
		if isBuiltin(m.info, x.Fun, "new") && len(x.Args) == 1 {
			if f, typ := cookieType(m.info.TypeOf(x.Args[0])); f != 0 {
				c := newCookie(f, StructSyntax, typ)
				c.syn.decl = x
				return c
			}
			return nil
		}
		return m.factoryCookie(x, s)
	case *ast.Ident:
		obj, ok := m.info.Uses[x].(*types.Var)
		if !ok {
			return nil
		}
		return m.resolveVar(obj, x, s, sink, depth)
	}
	return nil
}

// resolveVar follows the variable obj, written x, to the cookie it holds
// at sink, or nil.
func (m *model) resolveVar(obj *types.Var, x *ast.Ident, s *scope, sink ast.Node, depth int) *Cookie {
	if i, ok := s.params[obj]; ok {
		if f, typ := cookieType(obj.Type()); f != 0 {
			c := newCookie(f, StructSyntax, typ)
			for _, p := range c.attrs() {
				*p = Value{State: Unknown, Param: -1}
			}
			c.Param = i
			return c
		}
		return nil
	}
	var c *Cookie
	def, ok := m.defs.definition(obj)
	switch {
	case ok && def.rhs == nil:
		f, typ := cookieType(obj.Type())
		if f == 0 {
			return nil
		}
		c = newCookie(f, StructSyntax, typ)
		c.syn.decl = def.stmt
	case ok:
		c = m.resolveCookie(def.rhs, s, sink, depth+1)
	default:
		// cookie, err := newCookie(user)
		if def, ok = m.defs.tupleDefinition(obj); ok {
			c = m.tupleCookie(def.tuple, def.index, s)
		}
	}
	if c == nil {
		return nil
	}
	c.syn.varID = x
	m.applyFieldAssigns(c, obj, def, s, sink)
	return c
}

// applyFieldAssigns applies c.F = v assignments made to obj after its
// definition and before sink, in the function being analysed. One made in
// a nested block is conditional, so the field becomes Unknown.
func (m *model) applyFieldAssigns(c *Cookie, obj types.Object, def assignment, s *scope, sink ast.Node) {
	for _, fa := range m.defs.fields[obj] {
		if len(fa.path) != 1 || fa.stmt.Pos() < def.stmt.End() || fa.stmt.Pos() >= sink.Pos() ||
			fa.stmt.Pos() < s.node.Pos() || fa.stmt.End() > s.node.End() {
			continue
		}
		p := c.field(fa.path[0])
		if p == nil {
			continue
		}
		if fa.rhs == nil || fa.block != def.block {
			*p = unknown(fa.rhs)
			continue
		}
		m.setField(c, fa.path[0], fa.rhs, s)
	}
}

func (c *Cookie) attrs() []*Value {
	return []*Value{&c.Name, &c.Value, &c.HttpOnly, &c.Secure, &c.Partitioned, &c.SameSite, &c.MaxAge, &c.Expires, &c.Path, &c.Domain, &c.SessionOnly}
}

// pastTime evaluates an Expires value: Known true when it is certainly in
// the past (time.Unix(small, 0), time.Now().Add(-d), AddDate with a
// negative year, month or day), Absent for the zero time.
func (m *model) pastTime(e ast.Expr, s *scope) Value {
	e = ast.Unparen(e)
	if cl, ok := e.(*ast.CompositeLit); ok && len(cl.Elts) == 0 {
		return absent()
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return unknown(e)
	}
	fn := funcs.Called(m.info, call)
	if fn == nil || httpfw.PkgPath(fn) != "time" {
		return unknown(e)
	}
	switch fn.Name() {
	case "Unix":
		if v := m.eval(call.Args[0], s.params); v.State == Known && v.Int < 1e9 {
			return knownBool(true).at(e)
		}
	case "Add":
		if v := m.eval(call.Args[0], s.params); v.State == Known && v.Int < 0 {
			return knownBool(true).at(e)
		}
	case "AddDate":
		neg, pos := false, false
		for _, a := range call.Args {
			if v := m.eval(a, s.params); v.State == Known {
				neg = neg || v.Int < 0
				pos = pos || v.Int > 0
			}
		}
		if neg && !pos {
			return knownBool(true).at(e)
		}
	}
	return unknown(e)
}

func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}
