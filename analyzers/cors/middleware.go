package cors

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// settings is what a CORS middleware call is configured with, as far as
// it is known.
type settings struct {
	origins  []origin // the allowed origins
	listed   bool     // some origins are given
	unknown  bool     // a setting the analysis cannot read
	creds    bool
	allowAll bool
	unsafe   bool
	patterns bool                // "*" inside an origin is a pattern
	funcs    map[string]ast.Expr // the origin predicates given, by setting
}

// An origin is one allowed origin of a configuration, and where it is
// written.
type origin struct {
	s  string
	at ast.Expr
}

// checkMiddleware reports a call of a CORS middleware constructor
// configured to send credentials to origins it should not.
func checkMiddleware(pass *analysis.Pass, o *origins, call *ast.CallExpr) {
	lib, ok := httpfw.CORSMiddleware(typeutil.StaticCallee(pass.TypesInfo, call))
	if !ok {
		return
	}
	s := o.settings(lib, call)
	if s.unknown || !s.creds {
		return
	}
	if s.allowAll && (s.listed || len(s.funcs) > 0) {
		return // refused at start-up
	}
	if len(s.funcs) > 0 {
		for _, f := range lib.Funcs {
			if e := s.funcs[f.Name]; e != nil {
				o.checkPredicate(pass, lib, f, e)
			}
		}
		return
	}
	star := s.allowAll || !s.listed && lib.EmptyAll
	for _, e := range s.origins {
		switch e.s {
		case "*":
			star = true
		case "null":
			if lib.Validates {
				break // refused at start-up
			}
			pass.Report(analysis.Diagnostic{Pos: e.at.Pos(), End: e.at.End(), Category: catNull,
				Message: lib.Library + ` allows the origin "null" with credentials: sandboxed frames and local files of any site send Origin: null, so any web site can read the responses with the user's cookies; remove "null"`})
		default:
			if example := loosePattern(e.s); s.patterns && lib.Wildcards && example != "" {
				pass.Report(analysis.Diagnostic{Pos: e.at.Pos(), End: e.at.End(), Category: catLoose,
					Message: fmt.Sprintf(`%s allows origins matching %q with credentials, and %q matches too: that site can read the responses with the user's cookies; let "*" stand for subdomains only ("https://*.example.com")`, lib.Library, e.s, example)})
			}
		}
	}
	switch {
	case !star:
	case s.unsafe:
		pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: catReflect,
			Message: lib.Library + " allows every origin with credentials and, with " + lib.Unsafe + ", answers each with its own origin and Access-Control-Allow-Credentials: true: any web site can read the responses with the user's cookies; list the allowed origins"})
	case lib.Star == httpfw.StarSent:
		pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: catWildcard,
			Message: lib.Library + ` allows every origin with credentials, and so sends Access-Control-Allow-Origin "*" with Access-Control-Allow-Credentials: true: browsers refuse "*" to requests sent with cookies, so the credentials setting has no effect and such requests fail; list the allowed origins, or drop the credentials`})
	}
}

// checkPredicate reports an origin predicate that accepts every origin,
// or accepts it after a loose check.
func (o *origins) checkPredicate(pass *analysis.Pass, lib httpfw.CORS, f httpfw.OriginFunc, e ast.Expr) {
	lit, sig := o.funcLit(e)
	if lit == nil || f.Result >= sig.Results().Len() {
		return
	}
	for i := sig.Params().Len() - 1; i >= 0; i-- {
		if isString(sig.Params().At(i).Type()) {
			o.seeds[sig.Params().At(i)] = true
			break
		}
	}
	var weak verdict
	every := false
	ast.Inspect(respmodel.FuncBody(lit), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if f.Result >= len(n.Results) {
				return true
			}
			r := n.Results[f.Result]
			g := o.guard(o.pathTo(n), 0)
			if tv, ok := pass.TypesInfo.Types[r]; ok && tv.Value != nil {
				if tv.Value.String() == "true" {
					if g.s == unchecked {
						every = true
					} else if g.s == loose {
						weak = g
					}
				}
				return true
			}
			if c := and(g, o.cond(r, false, 0)); c.s == loose {
				weak = c
			}
		}
		return true
	})
	switch {
	case every:
		pass.Report(analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Category: catReflect,
			Message: lib.Library + "'s " + shortName(f.Name) + " accepts every origin, with credentials: the middleware answers each with its own origin and Access-Control-Allow-Credentials: true, so any web site can read the responses with the user's cookies; accept only origins in a list of allowed origins"})
	case weak.s == loose:
		pass.Report(analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Category: catLoose,
			Message: lib.Library + "'s " + shortName(f.Name) + " accepts origins with " + describe(pass, weak.check) + ", with credentials: a site with such a name can read the responses with the user's cookies; compare the origin with exact allowed origins, or check a suffix that starts with \".\" and the scheme"})
	}
}

// loosePattern returns an origin an attacker may own that the origin
// pattern p matches, or "" when its "*" stands for a subdomain
// ("https://*.example.com") or a port ("http://localhost:*").
func loosePattern(p string) string {
	i := strings.LastIndex(p, "*")
	if i < 0 {
		return ""
	}
	prefix, suffix := p[:i], p[i+1:]
	switch {
	case strings.HasPrefix(suffix, "."), suffix == "" && strings.HasSuffix(prefix, ":"):
		return ""
	case suffix == "":
		return prefix + "attacker.example"
	}
	return prefix + "attacker" + suffix
}

// shortName is the last element of a setting's name.
func shortName(s string) string { return s[strings.LastIndex(s, ".")+1:] }

// funcLit returns the function literal, or the declaration of this
// package, that e names, and its signature.
func (o *origins) funcLit(e ast.Expr) (ast.Node, *types.Signature) {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		sig, _ := o.pass.TypesInfo.TypeOf(e).(*types.Signature)
		return e, sig
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil, nil
	}
	if fn, ok := o.pass.TypesInfo.Uses[id].(*types.Func); ok {
		if d := o.decls[fn]; d != nil && d.Body != nil {
			return d, fn.Signature()
		}
	}
	return nil, nil
}

// settings reads the configuration of a CORS middleware call.
func (o *origins) settings(lib httpfw.CORS, call *ast.CallExpr) settings {
	s := settings{funcs: make(map[string]ast.Expr), patterns: lib.Wildcards && lib.WildcardsOn == ""}
	if lib.Arg == httpfw.None {
		mw := typeutil.StaticCallee(o.pass.TypesInfo, call)
		if mw == nil || call.Ellipsis.IsValid() {
			s.unknown = true
			return s
		}
		for _, a := range call.Args {
			c, ok := o.option(a)
			if !ok {
				s.unknown = true // an option the analysis cannot read
				continue
			}
			fn := typeutil.StaticCallee(o.pass.TypesInfo, c)
			if fn == nil || fn.Pkg() != mw.Pkg() {
				s.unknown = true // made by a function of the application
				continue
			}
			if len(c.Args) > 1 {
				continue
			}
			var arg ast.Expr
			if len(c.Args) == 1 {
				arg = c.Args[0]
			}
			o.set(&s, lib, fn.FullName(), arg)
		}
		return s
	}
	if lib.Arg >= len(call.Args) {
		return s
	}
	fields, ok := o.literal(lib, call.Args[lib.Arg], 0)
	if !ok {
		s.unknown = true
		return s
	}
	for _, f := range fields {
		o.set(&s, lib, f.name, f.value)
	}
	return s
}

// option returns the call that makes an option given to a CORS
// middleware as a list of options (gorilla/handlers' CORS(opts...)): the
// argument itself, or the one value of the local variable that holds it
// (o := handlers.AllowedMethods(...)).
func (o *origins) option(a ast.Expr) (*ast.CallExpr, bool) {
	switch a := ast.Unparen(a).(type) {
	case *ast.CallExpr:
		return a, true
	case *ast.Ident:
		if v, ok := o.pass.TypesInfo.Uses[a].(*types.Var); ok && len(o.defs[v]) == 1 {
			c, ok := ast.Unparen(o.defs[v][0].rhs).(*ast.CallExpr)
			return c, ok
		}
	}
	return nil, false
}

// A field is one field given to a configuration.
type field struct {
	name  string
	value ast.Expr
}

// literal returns the fields a configuration is given: in its composite
// literal, or assigned to the variable that holds it.
func (o *origins) literal(lib httpfw.CORS, e ast.Expr, depth int) ([]field, bool) {
	if depth > maxDepth {
		return nil, false
	}
	info := o.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return o.literal(lib, e.X, depth+1)
		}
	case *ast.CompositeLit:
		var out []field
		for _, el := range e.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return nil, false
			}
			if k, ok := kv.Key.(*ast.Ident); ok {
				out = append(out, field{k.Name, kv.Value})
			}
		}
		return out, true
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(info, e)
		for _, d := range lib.Defaults {
			if fn != nil && fn.FullName() == d {
				return nil, true
			}
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || len(o.defs[v]) != 1 {
			return nil, false
		}
		out, ok := o.literal(lib, o.defs[v][0].rhs, depth+1)
		return append(out, o.fields[v]...), ok
	}
	return nil, false
}

// set records one setting of a configuration.
func (o *origins) set(s *settings, lib httpfw.CORS, name string, value ast.Expr) {
	info := o.pass.TypesInfo
	isTrue := func() bool {
		if value == nil {
			return true // an option without argument: AllowCredentials()
		}
		tv, ok := info.Types[value]
		if ok && tv.Value != nil {
			return tv.Value.String() == "true"
		}
		s.unknown = true
		return false
	}
	switch name {
	case lib.Credentials:
		s.creds = isTrue()
	case lib.AllowAll:
		s.allowAll = isTrue()
	case lib.Unsafe:
		s.unsafe = isTrue()
	case lib.WildcardsOn:
		s.patterns = isTrue()
	case lib.Origins:
		list, ok := o.origins(value, lib.OriginsCSV, 0)
		if !ok {
			s.unknown = true
		}
		s.origins, s.listed = list, len(list) > 0
	default:
		for _, f := range lib.Funcs {
			if f.Name == name && !isNil(value) {
				s.funcs[name] = value
			}
		}
	}
}

// origins returns the elements of a constant list of origins: a slice
// literal, or a comma-separated string when csv.
func (o *origins) origins(e ast.Expr, csv bool, depth int) ([]origin, bool) {
	if depth > maxDepth || e == nil {
		return nil, false
	}
	var out []origin
	if c, ok := constString(o.pass.TypesInfo, e); ok && csv {
		for _, part := range strings.Split(c, ",") {
			if p := strings.TrimSpace(part); p != "" {
				out = append(out, origin{p, e})
			}
		}
		return out, true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			c, ok := constString(o.pass.TypesInfo, el)
			if !ok {
				return nil, false
			}
			out = append(out, origin{strings.TrimSpace(c), el})
		}
		return out, true
	case *ast.Ident:
		v, ok := o.pass.TypesInfo.Uses[x].(*types.Var)
		if ok && len(o.defs[v]) == 1 {
			return o.origins(o.defs[v][0].rhs, csv, depth+1)
		}
	}
	return nil, false
}

func isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}
