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
	lit := c.syn.lit
	if c.Type != "http.Cookie" || lit == nil || c.syn.varID != nil || c.syn.call == nil {
		return nil
	}
	arg := sinkArg(c.syn.call, lit)
	if arg == nil {
		return nil
	}
	fields := make(map[string]ast.Expr)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return nil
		}
		fields[id.Name] = kv.Value
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
	if fields["Name"] == nil || c.HttpOnly.State == Unknown || c.Secure.State == Unknown || c.SameSite.State == Unknown {
		return nil
	}
	f := File(pass, lit.Pos())
	if f == nil {
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
