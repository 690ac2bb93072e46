package cookieflags

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// plainHTTP reports whether the cookie of ev is set in a branch of an if
// whose condition reads the program's TLS setting (if req.SSL ==
// "disable" { ... }): a cookie without Secure there is the program's
// choice for plain HTTP, where a Secure cookie would never come back.
func plainHTTP(insp *inspector.Inspector, ev *respmodel.Event) bool {
	cur, ok := insp.Root().FindByPos(ev.Pos(), ev.Node().End())
	if !ok {
		return false
	}
	for c := range cur.Enclosing((*ast.IfStmt)(nil)) {
		stmt := c.Node().(*ast.IfStmt)
		if ev.Pos() >= stmt.Body.Pos() && namesTransport(stmt.Cond) {
			return true
		}
	}
	return false
}

// namesTransport reports whether an identifier in cond names a TLS
// setting.
func namesTransport(cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && transportName(id.Name) {
			found = true
		}
		return !found
	})
	return found
}

// transportName reports whether name is one a program gives its TLS
// setting (cfg.UseTLS, req.SSL, settings.HTTPS, secureMode).
func transportName(name string) bool {
	name = strings.ToLower(name)
	for _, part := range []string{"ssl", "tls", "https", "secure"} {
		if strings.Contains(name, part) {
			return true
		}
	}
	return false
}
