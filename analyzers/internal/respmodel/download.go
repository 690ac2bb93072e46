package respmodel

import (
	"go/ast"
	"go/types"
	"net/http"
	"path"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

const (
	headerContentType        = "Content-Type"
	headerContentDisposition = "Content-Disposition"
)

// bodyHeaders returns the header events a modelled body call makes before
// it writes: the Content-Type it is given and the Content-Disposition of
// the attachment APIs (sources at the versions in httpfw/framework.go).
func (m *model) bodyHeaders(a httpfw.Call, call *ast.CallExpr, s *scope) []*Event {
	arg := func(i int) ast.Expr {
		if i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	contentType := func(i int) []*Event {
		if e := arg(i); e != nil {
			return []*Event{m.impliedHeader(a, call, headerContentType, m.evalString(e, s))}
		}
		return nil
	}
	disposition := func(typ string, name Value) []*Event {
		return []*Event{m.impliedHeader(a, call, headerContentDisposition, dispositionValue(typ, name))}
	}
	switch fw := a.Framework; {
	case fw == httpfw.Gin && a.Name == "Data", fw.Echo() && (a.Name == "Blob" || a.Name == "Stream"):
		return contentType(1)
	case fw == httpfw.Gin && a.Name == "DataFromReader":
		// render.Reader sets the Content-Type, then the extra headers.
		if len(call.Args) != 5 {
			return nil
		}
		return append(contentType(2), m.headerMap(a, call, call.Args[4], s)...)
	case fw == httpfw.Gin && a.Name == "FileAttachment" && len(call.Args) == 2:
		return disposition("attachment", m.eval(call.Args[1], s.params))
	case fw.Echo() && (a.Name == "Attachment" || a.Name == "Inline") && len(call.Args) == 2:
		typ := "attachment"
		if a.Name == "Inline" {
			typ = "inline"
		}
		return disposition(typ, m.eval(call.Args[1], s.params))
	case fw.Fiber() && a.Name == "Download" && len(call.Args) > 0:
		name := m.eval(call.Args[0], s.params)
		if name.State == Known {
			name = knownStr(path.Base(name.Str))
		}
		if len(call.Args) > 1 && !call.Ellipsis.IsValid() {
			name = m.eval(call.Args[1], s.params)
		}
		return disposition("attachment", name)
	case fw == httpfw.FiberV3 && a.Name == "SendFile" && len(call.Args) == 2 && !call.Ellipsis.IsValid():
		// SendFile{Download: true} sets "attachment" after serving the file.
		if d := m.sendFileDownload(call.Args[1], s); d.State == Unknown || d.IsTrue() {
			return disposition("attachment", absent())
		}
	case fw == httpfw.ChiRender && a.Name == "Data":
		return []*Event{m.impliedHeader(a, call, headerContentType, knownStr("application/octet-stream"))}
	}
	return nil
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

// sendFileDownload evaluates the Download field of a fiber v3 SendFile
// config: Absent when it is not set, Unknown when the config cannot be
// followed.
func (m *model) sendFileDownload(e ast.Expr, s *scope) Value {
	lit, ok := m.followVar(e).(*ast.CompositeLit)
	if !ok {
		return unknown(e)
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return unknown(e)
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Download" {
			return m.eval(kv.Value, s.params)
		}
	}
	return absent()
}

// headerMap returns the headers of gin's DataFromReader extraHeaders: the
// entries of a map literal, directly or through a variable, with those
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
		if a.Recv == "header" && !m.fasthttpResponseHeader(call) || arg(0) == nil {
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

// fasthttpResponseHeader reports whether a call of a method of fasthttp's
// embedded header type is made on a ResponseHeader (not a RequestHeader).
func (m *model) fasthttpResponseHeader(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && httpfw.IsNamed(m.info.TypeOf(sel.X), httpfw.PathFasthttp, "ResponseHeader")
}
