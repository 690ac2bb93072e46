package respmodel

import (
	"go/ast"
	"go/types"
	"strings"
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
)

var identityNames = [...]string{
	IdentityCookie: "cookie", IdentityHeader: "header", IdentityBasicAuth: "basic auth",
	IdentityContext: "context value", IdentityLocal: "request value", IdentitySession: "session",
}

func (i Identity) String() string {
	if int(i) < len(identityNames) && identityNames[i] != "" {
		return identityNames[i]
	}
	return "unknown"
}

// Session packages beyond gorilla/sessions.
const (
	pathFiberV2Session = "github.com/gofiber/fiber/v2/middleware/session"
	pathFiberV3Session = "github.com/gofiber/fiber/v3/middleware/session"
)

// identityRows lists the calls that read what may identify the user, from
// the sources of the versions named in frameworks.go.
func identityRows() []adapter {
	var rows []adapter
	add := func(path string, recvs, names []string, o op, arg int) {
		for _, r := range recvs {
			for _, n := range names {
				rows = append(rows, adapter{path: path, recv: r, name: n, op: o, arg: arg, statusArg: -1})
			}
		}
	}
	list := func(s ...string) []string { return s }
	fn, ctx := list(""), list("Context")
	// net/http: Request.Cookie, CookiesNamed and BasicAuth; request
	// headers (Header.Get and Values on a Request's Header field); context
	// values.
	add(pathNetHTTP, list("Request"), list("Cookie", "CookiesNamed"), opReadCookie, 0)
	add(pathNetHTTP, list("Request"), list("BasicAuth"), opBasicAuth, -1)
	add(pathNetHTTP, list("Header"), list("Get", "Values"), opReadHeader, 0)
	add("context", ctx, list("Value"), opReadContext, 0)
	// gin v1.12.0 context.go: Cookie, GetHeader (a request header), the
	// c.Keys store read by Get, MustGet and the typed getters, and Value
	// (which reads c.Keys for string keys).
	add(pathGin, ctx, list("Cookie"), opReadCookie, 0)
	add(pathGin, ctx, list("GetHeader"), opReadHeader, 0)
	add(pathGin, ctx, list("Get", "MustGet", "GetString", "GetBool", "GetInt", "GetInt8", "GetInt16",
		"GetInt32", "GetInt64", "GetUint", "GetUint8", "GetUint16", "GetUint32", "GetUint64",
		"GetFloat32", "GetFloat64", "GetTime", "GetDuration", "GetError", "GetIntSlice",
		"GetInt8Slice", "GetInt16Slice", "GetInt32Slice", "GetInt64Slice", "GetUintSlice",
		"GetUint8Slice", "GetUint16Slice", "GetUint32Slice", "GetUint64Slice", "GetFloat32Slice",
		"GetFloat64Slice", "GetStringSlice", "GetErrorSlice", "GetStringMap", "GetStringMapString",
		"GetStringMapStringSlice"), opReadLocal, 0)
	add(pathGin, ctx, list("Value"), opReadContext, 0)
	// echo v4.16.0 and v5.4.4: Cookie and the c.Get store; v5's generic
	// ContextGet and ContextGetOr (context_generic.go).
	for _, p := range []string{pathEchoV4, pathEchoV5} {
		add(p, ctx, list("Cookie"), opReadCookie, 0)
		add(p, ctx, list("Get"), opReadLocal, 0)
	}
	add(pathEchoV5, fn, list("ContextGet", "ContextGetOr"), opReadLocal, 1)
	// fiber v2.52.15 ctx.go: Cookies; Get reads a request header; Locals
	// with one argument reads the per-request store. fasthttp's request
	// header, as c.Request().Header.
	v2 := list("Ctx")
	add(pathFiberV2, v2, list("Cookies"), opReadCookie, 0)
	add(pathFiberV2, v2, list("Get"), opReadHeader, 0)
	add(pathFiberV2, v2, list("Locals"), opReadLocal, 0)
	add("github.com/valyala/fasthttp", list("RequestHeader"), list("Peek"), opReadHeader, 0)
	add("github.com/valyala/fasthttp", list("RequestHeader"), list("Cookie"), opReadCookie, 0)
	// fiber v3.1.0: the same on Ctx and its request half (req.go); Res.Get
	// reads a response header and is left out. Value reads Locals
	// (ctx.go). Generic Locals, GetReqHeader and ValueFromContext take the
	// context first (req.go, helpers.go).
	v3 := list("Ctx", "DefaultCtx", "Req", "DefaultReq")
	add(pathFiberV3, v3, list("Cookies"), opReadCookie, 0)
	add(pathFiberV3, v3, list("Get"), opReadHeader, 0)
	add(pathFiberV3, v3, list("Locals"), opReadLocal, 0)
	add(pathFiberV3, list("Ctx", "DefaultCtx"), list("Value"), opReadLocal, 0)
	add(pathFiberV3, fn, list("Locals", "ValueFromContext"), opReadLocal, 1)
	add(pathFiberV3, fn, list("GetReqHeader"), opReadHeader, 1)
	// Session stores: gorilla/sessions v1.4.0 (store.go, sessions.go) and
	// fiber's session middleware (v2 store.go; v3 store.go, middleware.go).
	add(pathSessions, list("Store", "CookieStore", "FilesystemStore"), list("Get", "New"), opReadSession, -1)
	add(pathSessions, list("Registry"), list("Get"), opReadSession, -1)
	add(pathFiberV2Session, list("Store"), list("Get"), opReadSession, -1)
	add(pathFiberV3Session, list("Store"), list("Get"), opReadSession, -1)
	add(pathFiberV3Session, fn, list("FromContext"), opReadSession, -1)
	return rows
}

func identityOf(o op) Identity {
	switch o {
	case opReadCookie:
		return IdentityCookie
	case opReadHeader:
		return IdentityHeader
	case opBasicAuth:
		return IdentityBasicAuth
	case opReadContext:
		return IdentityContext
	case opReadLocal:
		return IdentityLocal
	case opReadSession:
		return IdentitySession
	}
	return 0
}

// identityEvent completes ev for an identity read, or returns nil for a
// call that does not read (a response header, fiber's Locals(key, value))
// or reads under a key nothing can be said about.
func (m *model) identityEvent(ev *Event, a adapter, call *ast.CallExpr, s *scope) []*Event {
	ev.Kind, ev.Identity = ReadIdentity, identityOf(a.op)
	if a.arg < 0 {
		return []*Event{ev}
	}
	if a.arg >= len(call.Args) {
		return nil
	}
	switch {
	case ev.Identity == IdentityHeader && a.path == pathNetHTTP && !m.requestHeader(call):
		return nil
	case ev.Identity == IdentityLocal && len(call.Args) > a.arg+1:
		return nil // a store: Locals(key, value)
	}
	ev.Value = m.identityKey(call.Args[a.arg], s)
	if v := ev.Value; v.State == Unknown && v.Param < 0 && v.Hint == "" {
		return nil
	}
	return []*Event{ev}
}

// requestHeader reports whether a call of an http.Header method reads a
// request's header: r.Header, c.Request.Header, c.Request().Header,
// directly or through a variable.
func (m *model) requestHeader(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x := ast.Unparen(sel.X)
	if id, ok := x.(*ast.Ident); ok {
		if obj := m.info.Uses[id]; obj != nil {
			if rhs, ok := m.defs.single(obj); ok && rhs != nil {
				x = ast.Unparen(rhs)
			}
		}
	}
	h, ok := x.(*ast.SelectorExpr)
	return ok && h.Sel.Name == "Header" && isNamed(m.info.TypeOf(h.X), pathNetHTTP, "Request")
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
