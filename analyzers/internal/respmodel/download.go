package respmodel

import (
	"go/ast"
	"go/types"
	"net/http"
	"path"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

const (
	headerContentType        = "Content-Type"
	headerContentDisposition = "Content-Disposition"
)

// bodyHeaders returns the header events a modelled body call makes before
// it writes (httpfw.Implies): the Content-Type it is given or always
// sets, a map of more headers, and the Content-Disposition of the
// attachment APIs.
func (m *model) bodyHeaders(a httpfw.Call, call *ast.CallExpr, s *scope) []*Event {
	im := a.Implies
	if im == nil {
		return nil
	}
	arg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	var out []*Event
	if e := arg(im.ContentType); e != nil {
		out = append(out, m.impliedHeader(a, call, headerContentType, m.evalString(e, s)))
	}
	if im.FixedType != "" {
		out = append(out, m.impliedHeader(a, call, headerContentType, knownStr(im.FixedType)))
	}
	if im.Headers != httpfw.None {
		if e := arg(im.Headers); e != nil {
			out = append(out, m.headerMap(a, call, e, s)...)
		} else {
			return nil // a call of a multi-valued result
		}
	}
	if im.Disposition == "" {
		return out
	}
	var name Value
	switch {
	case im.Config != "":
		// The config literal's field marks the file an attachment.
		if len(call.Args) != 2 || call.Ellipsis.IsValid() {
			return out
		}
		if d := m.configField(call.Args[1], im.Config, s); d.State != Unknown && !d.IsTrue() {
			return out
		}
		name = absent()
	case im.BaseName:
		if len(call.Args) == 0 {
			return out
		}
		name = m.eval(call.Args[0], s.params)
		if name.State == Known {
			name = knownStr(path.Base(name.Str))
		}
		if len(call.Args) > im.FileName && !call.Ellipsis.IsValid() {
			name = m.eval(call.Args[im.FileName], s.params)
		}
	default:
		e := arg(im.FileName)
		if e == nil {
			return out
		}
		name = m.eval(e, s.params)
	}
	return append(out, m.impliedHeader(a, call, headerContentDisposition, dispositionValue(im.Disposition, name)))
}

// impliedHeader is a header a framework call sets itself.
func (m *model) impliedHeader(a httpfw.Call, call *ast.CallExpr, name string, v Value) *Event {
	return &Event{Kind: SetHeader, Framework: a.Framework, Header: name, Value: v, call: call, node: call}
}

// dispositionValue is the Content-Disposition an attachment API writes:
// known when the file name is (the frameworks quote it themselves).
func dispositionValue(typ string, name Value) Value {
	switch name.State {
	case Absent:
		return knownStr(typ)
	case Known:
		return knownStr(typ + `; filename="` + name.Str + `"`)
	}
	return Value{State: Unknown, Param: -1}
}

// configField evaluates the field of a config literal: Absent when it is
// not set, Unknown when the config cannot be followed.
func (m *model) configField(e ast.Expr, field string, s *scope) Value {
	lit, ok := m.followVar(e).(*ast.CompositeLit)
	if !ok {
		return unknown(e)
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return unknown(e)
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
			return m.eval(kv.Value, s.params)
		}
	}
	return absent()
}

// headerMap returns the headers of a map a call sets (gin's
// DataFromReader extraHeaders): the entries of a map literal, directly or through a variable, with those
// added to it by index before the call. A map that cannot be followed
// gives one event with an empty Header: headers the model cannot name.
func (m *model) headerMap(a httpfw.Call, call *ast.CallExpr, e ast.Expr, s *scope) []*Event {
	if isNil(m.info, e) {
		return nil
	}
	unnamed := []*Event{m.impliedHeader(a, call, "", Value{State: Unknown, Param: -1})}
	lit, ok := m.followVar(e).(*ast.CompositeLit)
	if !ok {
		return unnamed
	}
	var out []*Event
	add := func(k, v ast.Expr) {
		name := m.eval(k, s.params)
		if name.State != Known {
			out = append(out, unnamed...)
			return
		}
		out = append(out, m.impliedHeader(a, call, http.CanonicalHeaderKey(name.Str), m.evalString(v, s)))
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			add(kv.Key, kv.Value)
		}
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		obj := m.info.Uses[id]
		ast.Inspect(s.node, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok && n != s.node || n == nil || n.Pos() >= call.Pos() {
				return false
			}
			if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				for i, lhs := range as.Lhs {
					if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && m.uses(ix.X, obj) {
						add(ix.Index, as.Rhs[i])
					}
				}
			}
			return true
		})
	}
	return out
}

// uses reports whether e is the variable obj.
func (m *model) uses(e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && obj != nil && m.info.Uses[id] == obj
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// downloadEvents returns the events of the header-only calls that
// describe a download: fiber's Type and Attachment, fasthttp's
// SetContentType, and csv.NewWriter on the response.
func (m *model) downloadEvents(a httpfw.Call, call *ast.CallExpr, s *scope) []*Event {
	arg := func(i int) ast.Expr {
		if i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	switch a.Op {
	case httpfw.ContentType:
		if a.OnlyOn != "" && !m.callsOn(call, a.OnlyOn) || arg(0) == nil {
			return nil
		}
		return []*Event{m.impliedHeader(a, call, headerContentType, m.evalString(arg(0), s))}
	case httpfw.TypeExt:
		// Type(ext, charset...) sets utils.GetMIME(ext) [+ "; charset=" + charset].
		if arg(0) == nil {
			return nil
		}
		return []*Event{m.impliedHeader(a, call, headerContentType, m.fiberType(arg(0), arg(1), s))}
	case httpfw.Attachment:
		// Attachment(filename...) sets "attachment" and, with a file name,
		// the Content-Type of its extension.
		name := absent()
		if e := arg(0); e != nil && !call.Ellipsis.IsValid() {
			name = m.eval(e, s.params)
			if name.State == Known {
				name = knownStr(path.Base(name.Str))
			}
		} else if e != nil {
			name = Value{State: Unknown, Param: -1}
		}
		out := []*Event{m.impliedHeader(a, call, headerContentDisposition, dispositionValue("attachment", name))}
		if name.State == Known {
			if t := MediaTypeByExt(path.Ext(name.Str)); t != "" {
				out = append(out, m.impliedHeader(a, call, headerContentType, knownStr(t)))
			}
		}
		return out
	case httpfw.CSV:
		fw := m.writerFramework(arg(0))
		if fw == 0 {
			return nil
		}
		return []*Event{{Kind: WriteBody, Framework: fw, Body: BodyCSV, Value: absent(), call: call, node: call}}
	}
	return nil
}

// fiberType is the Content-Type fiber's Type(ext, charset) sets.
func (m *model) fiberType(ext, charset ast.Expr, s *scope) Value {
	x := m.eval(ext, s.params)
	if x.State != Known {
		return unknown(ext)
	}
	t := MediaTypeByExt(x.Str)
	if t == "" {
		return unknown(ext)
	}
	if charset == nil {
		return knownStr(t)
	}
	if c := m.eval(charset, s.params); c.State == Known {
		return knownStr(t + "; charset=" + c.Str)
	}
	v := unknown(charset)
	v.Built = &Built{Template: t + "; charset=" + RawHole}
	return v
}

// callsOn reports whether a method call is made on a value of the named
// type typ ("path.Name", httpfw.Call.OnlyOn), or a pointer to one.
func (m *model) callsOn(call *ast.CallExpr, typ string) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	dot := strings.LastIndex(typ, ".")
	return ok && httpfw.IsNamed(m.info.TypeOf(sel.X), typ[:dot], typ[dot+1:])
}
