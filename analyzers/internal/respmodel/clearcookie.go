package respmodel

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/edit"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// clearEvents models a framework's clear helper (httpfw.ClearCookie):
// one deletion per name it is given, with an empty value, Expires in the
// past and no other attribute. A call without names, which deletes every
// cookie of the request, or with a spread slice names nothing to judge.
func (m *model) clearEvents(ev *Event, a httpfw.Call, call *ast.CallExpr, s *scope, sink ast.Node) []*Event {
	if call.Ellipsis.IsValid() {
		return nil
	}
	var out []*Event
	for i := a.Arg; i < len(call.Args); i++ {
		c := newCookie(a.Framework, ClearHelper, "")
		c.Name = m.eval(call.Args[i], s.params)
		c.Value = knownStr("")
		c.Expires = knownBool(true)
		c.syn.decl, c.syn.call, c.syn.sink = call, call, sink
		e := *ev
		e.Kind, e.Cookie = SetCookie, c
		e.Stage = m.statusStage(a, call, e.Value)
		out = append(out, &e)
	}
	return out
}

// ClearFix returns, for a clear helper's call that names one cookie, the
// edits that replace it with a call of the framework's cookie method
// that deletes it with MaxAge -1 and fields (Go text such as `Path: "/"`),
// or nil.
func (c *Cookie) ClearFix(pass *analysis.Pass, fields []string) []analysis.TextEdit {
	call := c.syn.call
	if c.Syntax != ClearHelper || call == nil || len(call.Args) != 1 {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	method := httpfw.Of(c.Framework).Cookie.Method
	path, name, ok2 := httpfw.OwnCookieType(c.Framework)
	if !ok || !ok2 || method == "" {
		return nil
	}
	var pkgName string
	for _, p := range pass.Pkg.Imports() {
		if p.Path() == path {
			pkgName = p.Name()
		}
	}
	f := File(pass, call.Pos())
	if f == nil || pkgName == "" {
		return nil
	}
	pkg, imp := f.Import(path, pkgName)
	lit := "&" + pkg + "." + name + "{" + strings.Join(append([]string{"Name: " + f.Text(call.Args[0])}, append(fields, "MaxAge: -1")...), ", ") + "}"
	return append(imp, edit.Replace(call, f.Text(sel.X)+"."+method+"("+lit+")"))
}
