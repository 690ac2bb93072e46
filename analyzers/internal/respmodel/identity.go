package respmodel

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
)

// Identity says where a ReadIdentity event learns who the user is from.
// The model records every read that could carry identity, with its key;
// whether a cookie name, header or key does is for the checks to decide.
type Identity uint8

const (
	// IdentityCookie: a request cookie; Value is its name.
	IdentityCookie Identity = iota + 1
	// IdentityHeader: a request header; Value is its name.
	IdentityHeader
	// IdentityBasicAuth: HTTP basic authentication credentials.
	IdentityBasicAuth
	// IdentityContext: a context.Context value; Value is its key.
	IdentityContext
	// IdentityLocal: a framework's per-request store (gin and echo
	// c.Get, fiber c.Locals); Value is its key.
	IdentityLocal
	// IdentitySession: a session of a session store.
	IdentitySession
	// IdentityQuery: a query parameter or form value; Value is its name.
	IdentityQuery
)

var identityNames = [...]string{
	IdentityCookie: "cookie", IdentityHeader: "header", IdentityBasicAuth: "basic auth",
	IdentityContext: "context value", IdentityLocal: "request value", IdentitySession: "session",
	IdentityQuery: "query or form value",
}

func (i Identity) String() string {
	if int(i) < len(identityNames) && identityNames[i] != "" {
		return identityNames[i]
	}
	return "unknown"
}

func identityOf(o httpfw.Op) Identity {
	switch o {
	case httpfw.ReadCookie:
		return IdentityCookie
	case httpfw.ReadHeader:
		return IdentityHeader
	case httpfw.BasicAuth:
		return IdentityBasicAuth
	case httpfw.ReadContext:
		return IdentityContext
	case httpfw.ReadLocal:
		return IdentityLocal
	case httpfw.ReadSession:
		return IdentitySession
	case httpfw.ReadQuery:
		return IdentityQuery
	}
	return 0
}

// identityEvent completes ev for an identity read, or returns nil for a
// call that does not read (a response header, fiber's Locals(key, value))
// or reads under a key nothing can be said about.
func (m *model) identityEvent(ev *Event, a httpfw.Call, call *ast.CallExpr, s *scope) []*Event {
	ev.Kind, ev.Identity = ReadIdentity, identityOf(a.Op)
	if a.Arg < 0 {
		return []*Event{ev}
	}
	if a.Arg >= len(call.Args) {
		return nil
	}
	switch {
	case ev.Identity == IdentityHeader && a.Path == httpfw.PathNetHTTP && !m.requestHeader(call):
		return nil
	case ev.Identity == IdentityQuery && a.Recv == "Values" && !m.requestQuery(call):
		return nil
	case ev.Identity == IdentityLocal && len(call.Args) > a.Arg+1:
		return nil // a store: Locals(key, value)
	}
	ev.Value = m.identityKey(call.Args[a.Arg], s)
	if v := ev.Value; v.State == Unknown && v.Param < 0 && v.Hint == "" {
		return nil
	}
	return []*Event{ev}
}

// headerIndexEvent returns the identity read of a request header by
// indexing the map (r.Header["Authorization"]) with a constant name, as
// Header.Values reads it.
func (m *model) headerIndexEvent(x *ast.IndexExpr) *Event {
	tv := m.info.Types[x.Index]
	if tv.Value == nil || tv.Value.Kind() != constant.String || !IsRequestHeader(m.info, x.X) {
		return nil
	}
	return &Event{Kind: ReadIdentity, Identity: IdentityHeader, Framework: httpfw.NetHTTP, node: x,
		Value: knownStr(constant.StringVal(tv.Value))}
}

// requestHeader reports whether a call of an http.Header method reads a
// request's header: r.Header, c.Request.Header, c.Request().Header,
// directly or through a variable.
func (m *model) requestHeader(call *ast.CallExpr) bool {
	x := m.methodReceiver(call)
	return x != nil && IsRequestHeader(m.info, x)
}

// methodReceiver returns the receiver of a method call, or the value of
// the variable with one definition that it names; nil for a call that
// is not of a method.
func (m *model) methodReceiver(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	x := ast.Unparen(sel.X)
	if id, ok := x.(*ast.Ident); ok {
		if obj := m.info.Uses[id]; obj != nil {
			if rhs, ok := m.defs.single(obj); ok && rhs != nil {
				x = ast.Unparen(rhs)
			}
		}
	}
	return x
}

// requestQuery reports whether a call of a url.Values method reads a
// request's query: r.URL.Query().Get, directly or through a variable.
func (m *model) requestQuery(call *ast.CallExpr) bool {
	q, ok := m.methodReceiver(call).(*ast.CallExpr)
	if !ok {
		return false
	}
	qs, ok := ast.Unparen(q.Fun).(*ast.SelectorExpr)
	if !ok || qs.Sel.Name != "Query" {
		return false
	}
	u, ok := ast.Unparen(qs.X).(*ast.SelectorExpr)
	return ok && u.Sel.Name == "URL" && httpfw.IsNamed(m.info.TypeOf(u.X), httpfw.PathNetHTTP, "Request")
}

// IsRequestHeader reports whether x is a request's header map:
// r.Header, c.Request.Header, c.Request().Header.
func IsRequestHeader(info *types.Info, x ast.Expr) bool {
	h, ok := ast.Unparen(x).(*ast.SelectorExpr)
	return ok && h.Sel.Name == "Header" && httpfw.IsNamed(info.TypeOf(h.X), httpfw.PathNetHTTP, "Request")
}

// identityKey evaluates the name or key an identity read uses. Its Hint
// names the key's declaration, qualified by package for package-level
// ones ("auth.userKey", "jwtmiddleware.ContextKey"), so that a check can
// match keys that are not strings.
func (m *model) identityKey(e ast.Expr, s *scope) Value {
	v := m.eval(e, s.params)
	if v.Param < 0 {
		if h := m.keyHint(e, 0); h != "" {
			v.Hint = h
		}
	}
	return v
}

func (m *model) keyHint(e ast.Expr, depth int) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return m.objectHint(m.info.Uses[x], depth)
	case *ast.SelectorExpr:
		return m.objectHint(m.info.Uses[x.Sel], depth)
	case *ast.CompositeLit:
		if n, ok := types.Unalias(m.info.TypeOf(x)).(*types.Named); ok {
			return m.keyName(n.Obj())
		}
	case *ast.UnaryExpr:
		return m.keyHint(x.X, depth+1)
	case *ast.CallExpr:
		if tv, ok := m.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return m.keyHint(x.Args[0], depth+1)
		}
	}
	return ""
}

// objectHint names the constant or variable a key is read from; a local
// variable with one definition is followed to it.
func (m *model) objectHint(obj types.Object, depth int) string {
	switch obj := obj.(type) {
	case *types.Const:
		return m.keyName(obj)
	case *types.Var:
		if obj.IsField() || obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
			return m.keyName(obj)
		}
		if rhs, ok := m.defs.single(obj); ok && rhs != nil && depth < maxDepth {
			if h := m.keyHint(rhs, depth+1); h != "" {
				return h
			}
		}
		return obj.Name()
	}
	return ""
}

// keyName names a key's package-level constant, variable or type. In
// the user's own code it is qualified by its package, whose name often
// says what the key holds (auth.ctxKey{}). A library's reads go by the
// key's own name: what its package is called says nothing of the value
// (go-oidc reads oauth2.HTTPClient, an HTTP client).
func (m *model) keyName(obj types.Object) string {
	if obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() && ownCode(m.pass) {
		return obj.Pkg().Name() + "." + obj.Name()
	}
	return obj.Name()
}

// requestReads returns the identity and body reads among events.
func requestReads(events []*Event) []*Event {
	var out []*Event
	for _, e := range events {
		if e.Kind == ReadIdentity || e.Kind == ReadBody {
			out = append(out, e)
		}
	}
	return out
}

// stdlib reports whether path is a standard library package: its first
// element has no dot.
func stdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
