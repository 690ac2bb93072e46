package respmodel

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/edit"
)

// HttpsafePath is the import path of resplint's runtime helpers.
const HttpsafePath = "github.com/resplint/resplint/httpsafe"

// HttpsafeFix returns, for an http.Cookie literal passed straight to its
// sink that sets nothing beyond Name, Value and Path "/" (and the flags
// httpsafe sets anyway), the edits that replace it with
// httpsafe.SessionCookie(name, value). It returns nil when the cookie does
// not have that shape (a deletion cookie included).
func (c *Cookie) HttpsafeFix(pass *analysis.Pass) []analysis.TextEdit {
	fields, arg, f := c.directLiteral(pass)
	if fields == nil {
		return nil
	}
	for name := range fields {
		switch name {
		case "Name", "Value", "HttpOnly", "Secure", "SameSite":
		case "Path":
			if c.Path.State != Known || c.Path.Str != "/" {
				return nil
			}
		default:
			return nil
		}
	}
	if c.HttpOnly.State == Unknown || c.Secure.State == Unknown || c.SameSite.State == Unknown {
		return nil
	}
	pkg, imp := f.Import(HttpsafePath, "httpsafe")
	text := pkg + ".SessionCookie(" + f.Text(fields["Name"]) + ", "
	if v := fields["Value"]; v != nil {
		text += f.Text(v) + ")"
	} else {
		text += `"")`
	}
	return append(imp, edit.Replace(arg, text))
}

// HttpsafeDeleteFix returns, for an http.Cookie literal passed straight
// to its sink that deletes a cookie and sets nothing beyond what
// httpsafe.DeleteCookie sets (an empty value, a Path, MaxAge, Expires
// and flags), the edits that replace it with httpsafe.DeleteCookie(name),
// which deletes with Path "/", no Domain and Secure; nil otherwise.
func (c *Cookie) HttpsafeDeleteFix(pass *analysis.Pass) []analysis.TextEdit {
	fields, arg, f := c.directLiteral(pass)
	if fields == nil || !c.Deleting() || c.Value.State == Unknown || c.Value.Str != "" {
		return nil
	}
	for name := range fields {
		switch name {
		case "Name", "Value", "Path", "MaxAge", "Expires", "HttpOnly", "Secure", "SameSite":
		default:
			return nil
		}
	}
	pkg, imp := f.Import(HttpsafePath, "httpsafe")
	return append(imp, edit.Replace(arg, pkg+".DeleteCookie("+f.Text(fields["Name"])+")"))
}

// directLiteral returns the fields of an http.Cookie literal with keyed
// fields and a Name, passed straight to its sink, the sink's argument
// and its file; nil fields for any other cookie.
func (c *Cookie) directLiteral(pass *analysis.Pass) (map[string]ast.Expr, ast.Expr, *edit.File) {
	lit := c.syn.lit
	if c.Type != "http.Cookie" || lit == nil || c.syn.varID != nil || c.syn.call == nil {
		return nil, nil, nil
	}
	arg := sinkArg(c.syn.call, lit)
	if arg == nil {
		return nil, nil, nil
	}
	fields := make(map[string]ast.Expr)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, nil, nil
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return nil, nil, nil
		}
		fields[id.Name] = kv.Value
	}
	f := File(pass, lit.Pos())
	if fields["Name"] == nil || f == nil {
		return nil, nil, nil
	}
	return fields, arg, f
}

// sinkArg returns the argument of call that is lit or &lit.
func sinkArg(call *ast.CallExpr, lit *ast.CompositeLit) ast.Expr {
	for _, a := range call.Args {
		x := ast.Unparen(a)
		if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
			x = ast.Unparen(u.X)
		}
		if x == lit {
			return a
		}
	}
	return nil
}
