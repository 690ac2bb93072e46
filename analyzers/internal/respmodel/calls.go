package respmodel

import (
	"go/ast"
	"net/http"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// events returns the events of one modelled call.
func (m *model) events(a httpfw.Call, call *ast.CallExpr, s *scope, sink ast.Node) []*Event {
	arg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	ev := &Event{Framework: a.Framework, call: call, node: call, Value: absent()}
	var pre []*Event // header events a body call implies, before its body
	switch a.Op {
	case httpfw.SetCookie:
		if arg(a.Arg) == nil {
			return nil
		}
		ev.Kind = SetCookie
		ev.Cookie = m.resolveCookie(arg(a.Arg), s, sink, 0)
		if ev.Cookie == nil {
			return nil
		}
		if a.ContextSameSite {
			m.contextCookie(ev.Cookie, a, call, s)
		}
	case httpfw.ClearCookie:
		return m.clearEvents(ev, a, call, s, sink)
	case httpfw.CookieArgs:
		if len(call.Args) != len(a.ArgFields) {
			return nil
		}
		ev.Kind = SetCookie
		ev.Cookie = m.argsCookie(a, call, s)
	case httpfw.HeaderSet, httpfw.HeaderAdd, httpfw.HeaderDel:
		if !m.responseHeader(call, a) || arg(a.Arg) == nil {
			return nil
		}
		ev.Kind = headerKind(a.Op)
		if a.Header != "" { // fiber's c.Vary("Origin")
			ev.Header, ev.Value = a.Header, m.evalString(arg(a.Arg), s)
			break
		}
		name := m.eval(arg(a.Arg), s.params)
		switch {
		case name.State == Known:
			ev.Header = http.CanonicalHeaderKey(name.Str)
		case name.State == Unknown && name.Param >= 0:
			ev.headerParam = name.Param + 1 // named at the helper's calls
		default:
			return nil
		}
		if v := arg(a.Arg + 1); v != nil {
			ev.Value = m.evalString(v, s)
			if ev.Header == "Set-Cookie" && a.Op != httpfw.HeaderDel {
				if c := m.headerCookie(v, s, sink); c != nil {
					c.Framework = ev.Framework
					c.syn.call = call
					ev.Kind, ev.Cookie = SetCookie, c
				}
			}
		}
	case httpfw.Status:
		ev.Kind = WriteStatus
		if e := arg(a.Arg); e != nil {
			ev.Value = m.eval(e, s.params)
		}
	case httpfw.Body:
		ev.Kind, ev.Body = WriteBody, a.Body
		if e := arg(a.Arg); e != nil {
			ev.bodyTyp = m.info.TypeOf(e)
			m.jsonBody(ev, e, s)
			if a.Body == BodyFile {
				f := m.evalString(e, s)
				ev.File = &f
			}
		}
		if e := arg(a.Status); e != nil {
			ev.Value = m.eval(e, s.params)
		}
		pre = m.bodyHeaders(a, call, s)
	case httpfw.Redirect:
		ev.Kind = Redirect
	case httpfw.Error:
		ev.Kind = Error
		if e := arg(a.Status); e != nil {
			ev.Value = m.eval(e, s.params)
		}
	case httpfw.ReadCookie, httpfw.ReadHeader, httpfw.BasicAuth, httpfw.ReadContext, httpfw.ReadLocal, httpfw.ReadSession, httpfw.ReadQuery:
		return m.identityEvent(ev, a, call, s)
	case httpfw.WriterBody, httpfw.Encode, httpfw.CacheHelper:
		if !m.writerEvent(ev, a, call, s) {
			return nil
		}
	case httpfw.ReadBody:
		return m.bodyReadEvent(ev, a, call)
	case httpfw.ContentType, httpfw.TypeExt, httpfw.Attachment, httpfw.CSV:
		return m.downloadEvents(a, call, s)
	case httpfw.Flush:
		f, ok := m.flushesResponse(call)
		if !ok {
			return nil
		}
		ev.Kind, ev.Framework = Flush, f
	case httpfw.Delegate:
		if a.Arg >= 0 && m.delegateWriter(arg(a.Arg)) == 0 {
			return nil
		}
		ev.Kind = Delegate
	case httpfw.SessionSave:
		if a.Arg < 0 || m.writerFramework(arg(a.Arg)) == 0 {
			// fiber's Session.Save: its store's event stands for it.
			return nil
		}
		ev.Kind, ev.Cookie = SetCookie, m.savedCookie(call, a)
	default:
		return nil
	}
	ev.Stage = m.statusStage(a, call, ev.Value)
	if ev.Cookie != nil {
		ev.Cookie.syn.sink = sink
		if ev.Cookie.syn.call == nil {
			ev.Cookie.syn.call = call
		}
	}
	return append(pre, ev)
}

// responseHeader reports whether a header call acts on a response: the
// http.Header must come from a Header() method call (w.Header(),
// c.Writer.Header(), c.Response().Header()), directly or through a
// variable; request headers (r.Header) are fields, not calls.
func (m *model) responseHeader(call *ast.CallExpr, a httpfw.Call) bool {
	if a.Recv != "Header" || a.Path != httpfw.PathNetHTTP {
		return true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && m.isResponseHeader(sel.X)
}

// isResponseHeader reports whether x is an http.Header that comes from a
// Header() method call, directly or through a variable.
func (m *model) isResponseHeader(x ast.Expr) bool {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		if obj := m.info.Uses[id]; obj != nil {
			if rhs, ok := m.defs.single(obj); ok && rhs != nil {
				x = ast.Unparen(rhs)
			}
		}
	}
	hc, ok := x.(*ast.CallExpr)
	if !ok || len(hc.Args) != 0 {
		return false
	}
	hs, ok := ast.Unparen(hc.Fun).(*ast.SelectorExpr)
	return ok && hs.Sel.Name == "Header"
}

func headerKind(o httpfw.Op) Kind {
	switch o {
	case httpfw.HeaderAdd:
		return AddHeader
	case httpfw.HeaderDel:
		return DelHeader
	}
	return SetHeader
}
