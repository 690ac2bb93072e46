package respmodel

import (
	"go/ast"
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/edit"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// Attribute names a cookie attribute a fix can turn on.
type Attribute uint8

const (
	AttrHttpOnly Attribute = iota + 1
	AttrSecure
	AttrSameSite // SameSite=Lax
	AttrRootPath // Path=/
)

// fieldName is attr's field in c's struct type.
func (c *Cookie) fieldName(attr Attribute) string {
	if c.Framework == httpfw.FiberSessionV2 {
		return httpfw.FiberSessionConfigField(c.attrField(attr))
	}
	switch attr {
	case AttrHttpOnly:
		return httpfw.HttpOnlyField(c.Type)
	case AttrSecure:
		return "Secure"
	case AttrSameSite:
		return "SameSite"
	}
	return "Path"
}

// valueText is the Go expression that turns attr on; http names net/http.
func (c *Cookie) valueText(attr Attribute, http string) string {
	switch attr {
	case AttrSameSite:
		if httpfw.Of(c.Framework).Cookie.SameSiteString {
			return `"Lax"`
		}
		return http + ".SameSiteLaxMode"
	case AttrRootPath:
		return `"/"`
	}
	return "true"
}

// headerText is attr as a Set-Cookie attribute.
func headerText(attr Attribute) string {
	switch attr {
	case AttrHttpOnly:
		return "; HttpOnly"
	case AttrSecure:
		return "; Secure"
	case AttrSameSite:
		return "; SameSite=Lax"
	}
	return "; Path=/"
}

// FixHint says, in the framework's terms, how to set attr on c; it ends
// the checks' messages.
func (c *Cookie) FixHint(attr Attribute) string {
	switch c.Syntax {
	case ArgsSyntax:
		return httpfw.Of(c.Framework).Cookie.ArgsHint[c.fieldName(attr)]
	case HeaderString:
		return `add "` + headerText(attr) + `" to the header value`
	case StoreDefaults:
		if c.Framework == httpfw.FiberSessionV2 {
			if c.syn.call != nil && len(c.syn.call.Args) == 0 {
				return "give session.New a session.Config{" + c.fieldName(attr) + ": " + c.valueText(attr, "") + "}"
			}
			return "set " + c.fieldName(attr) + ": " + c.valueText(attr, "") + " in the session.Config given to session.New"
		}
		if c.Program != nil {
			return "set " + c.Program.Name + ".Options." + c.fieldName(attr) + " = " + c.valueText(attr, "http") + " in main"
		}
		return "set store.Options." + c.fieldName(attr) + " = " + c.valueText(attr, "http") + " after creating the store"
	case EmptyOptions:
		return "set the session's Options." + c.fieldName(attr) + " = " + c.valueText(attr, "http") + " before saving it, or get the session from its store, whose defaults it then has"
	}
	return "set " + c.fieldName(attr) + ": " + c.valueText(attr, "http")
}

// Fix returns the edits that turn attr on for c, or nil when c is not
// written in this package in a form a fix can edit.
func (c *Cookie) Fix(pass *analysis.Pass, attr Attribute) []analysis.TextEdit {
	if c.Program != nil {
		return c.programFix(pass, attr)
	}
	if c.syn.decl == nil {
		return nil
	}
	f := File(pass, c.syn.decl.Pos())
	if f == nil {
		return nil
	}
	value := func() (string, []analysis.TextEdit) {
		if rules := httpfw.Of(c.Framework).Cookie; attr == AttrSameSite && !rules.SameSiteString {
			if lax := rules.LaxMode; lax[0] != "" {
				pkg, imp := f.Import(lax[0], path.Base(lax[0]))
				return pkg + "." + lax[1], imp
			}
			http, imp := f.Import("net/http", "http")
			return c.valueText(attr, http), imp
		}
		return c.valueText(attr, ""), nil
	}
	v := c.attrValue(attr)
	switch c.Syntax {
	case StructSyntax, ArgsSyntax:
		if e := v.Expr(); e != nil && v.State == Known && pass.TypesInfo.Types[e].Value != nil {
			// Only a constant is replaced: a variable may have other uses.
			text, imp := value()
			return append(imp, edit.Replace(e, text))
		}
		switch {
		case c.Syntax == ArgsSyntax:
			sel, ok := c.syn.call.Fun.(*ast.SelectorExpr)
			setter := httpfw.Of(c.Framework).Cookie.SameSiteSetter
			if attr != AttrSameSite || !ok || !isStmt(c.syn.sink) || setter == "" {
				return nil
			}
			text, imp := value()
			return append(imp, f.InsertBefore(c.syn.sink, f.Text(sel.X)+"."+setter+"("+text+")"))
		case c.syn.lit != nil:
			text, imp := value()
			return append(imp, f.AddField(c.syn.lit, c.fieldName(attr)+": "+text))
		case c.syn.varID != nil && isStmt(c.syn.sink):
			text, imp := value()
			return append(imp, f.InsertBefore(c.syn.sink, c.syn.varID.Name+"."+c.fieldName(attr)+" = "+text))
		}
	case HeaderString:
		if h := c.syn.header; h != nil && h.last != nil {
			return []analysis.TextEdit{edit.AppendToString(h.last, headerText(attr))}
		}
	case StoreDefaults:
		if c.Framework == httpfw.FiberSessionV2 && c.syn.lit != nil {
			text, imp := value()
			return append(imp, f.AddField(c.syn.lit, c.fieldName(attr)+": "+text))
		}
		if c.syn.local {
			text, imp := value()
			return append(imp, f.InsertAfter(c.syn.sink, f.Text(c.syn.store)+".Options."+c.fieldName(attr)+" = "+text))
		}
	}
	return nil
}

// SetFix returns the edits that make c's field (named as in http.Cookie:
// "Path", "Domain", "MaxAge") the Go expression text: a constant written
// for it is replaced, a missing field added to the literal or assigned
// before the sink; nil when c is not written in this package in a form a
// fix can edit.
func (c *Cookie) SetFix(pass *analysis.Pass, field, text string) []analysis.TextEdit {
	p := c.field(field)
	if p == nil || c.syn.decl == nil || c.Program != nil {
		return nil
	}
	f := File(pass, c.syn.decl.Pos())
	if f == nil {
		return nil
	}
	if e := p.Expr(); e != nil && p.State == Known && pass.TypesInfo.Types[e].Value != nil {
		return []analysis.TextEdit{edit.Replace(e, text)}
	}
	if c.Syntax != StructSyntax {
		return nil
	}
	switch {
	case c.syn.lit != nil:
		return []analysis.TextEdit{f.AddField(c.syn.lit, field+": "+text)}
	case c.syn.varID != nil && isStmt(c.syn.sink):
		return []analysis.TextEdit{f.InsertBefore(c.syn.sink, c.syn.varID.Name+"."+field+" = "+text)}
	}
	return nil
}

// attrField is attr's field as named in http.Cookie.
func (c *Cookie) attrField(attr Attribute) string {
	switch attr {
	case AttrHttpOnly:
		return "HttpOnly"
	case AttrSecure:
		return "Secure"
	case AttrSameSite:
		return "SameSite"
	}
	return "Path"
}

func (c *Cookie) attrValue(attr Attribute) Value {
	switch attr {
	case AttrHttpOnly:
		return c.HttpOnly
	case AttrSecure:
		return c.Secure
	case AttrSameSite:
		return c.SameSite
	}
	return c.Path
}

func isStmt(n ast.Node) bool {
	_, ok := n.(ast.Stmt)
	return ok
}

// programFix sets attr on a store of another package at the start of
// func main, importing the store's package if main does not.
func (c *Cookie) programFix(pass *analysis.Pass, attr Attribute) []analysis.TextEdit {
	f := File(pass, c.syn.sink.Pos())
	if f == nil {
		return nil
	}
	pkg, name, _ := strings.Cut(c.Program.Name, ".")
	pkg, edits := f.Import(c.Program.Pkg, pkg)
	text := c.valueText(attr, "")
	if attr == AttrSameSite {
		var imp []analysis.TextEdit
		text, imp = f.Import("net/http", "http")
		text = c.valueText(attr, text)
		edits = append(edits, imp...)
	}
	return append(edits, f.InsertBefore(c.syn.sink, pkg+"."+name+".Options."+c.fieldName(attr)+" = "+text))
}
