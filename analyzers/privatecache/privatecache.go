package privatecache

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/docx"
	"github.com/resplint/resplint/analyzers/internal/flagx"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
	"github.com/resplint/resplint/analyzers/internal/routes"
)

//go:embed doc.go
var doc string

// Default patterns of what identifies the user. "sid" and "uid" must
// stand alone ("connect.sid", not "sidebar" or "guid"). Headers include
// applications' own token and key headers (Api-Token, X-Gotify-Key);
// CSRF tokens are left out wherever they match.
const (
	DefaultCookies = `(?i)sess|(^|[^a-z])sid([^a-z]|$)|auth|token|jwt|remember|login|identity|credential|user|(^|[^a-z])uid([^a-z]|$)`
	DefaultKeys    = `(?i)user|(^|[^a-z])uid([^a-z]|$)|auth|sess|claim|principal|identity|account|jwt|token|viewer`
	DefaultHeaders = `(?i)^(authorization|proxy-authorization|cookie|x-token|x-user|x-user-id|x-forwarded-user|x-forwarded-email|x-auth-request-user|x-auth-request-email|remote-user|x-remote-user|(x-[a-z0-9]+-)?(api|auth|access)[-_]?(token|key)|x-[a-z0-9]+-(token|key))$`
)

// Analyzer is the privatecache check with default options.
var Analyzer = New()

// New returns a privatecache analyzer with its own options.
func New() *analysis.Analyzer {
	c := &checker{
		cookies:    flagx.NewRegexp(DefaultCookies),
		keys:       flagx.NewRegexp(DefaultKeys),
		headers:    flagx.NewRegexp(DefaultHeaders),
		middleware: new(flagx.Funcs),
	}
	a := &analysis.Analyzer{
		Name: "privatecache",
		Doc:  docx.Extract(doc, "privatecache"),
		URL:  "https://github.com/resplint/resplint/blob/main/docs/privatecache.md",
		// This check runs on dependencies for its facts; it uses the
		// inspector the model hands on, only where a package can
		// respond (respmodel.Result.Inspector).
		Requires:  []*analysis.Analyzer{respmodel.Analyzer},
		Run:       c.run,
		FactTypes: []analysis.Fact{new(CacheFact), new(UserFact), new(RoutesFact), new(AuthFact), new(KeysFact), new(StoresFact)},
	}
	a.Flags.Var(c.cookies, "cookies", "regular expression of cookie names that identify the user")
	a.Flags.Var(c.keys, "keys", "regular expression of context keys and framework request values (c.Get, c.Locals) that hold the user")
	a.Flags.Var(c.headers, "headers", "regular expression of request headers that carry credentials")
	a.Flags.Var(c.middleware, "middleware", "comma-separated middleware that set Cache-Control private or no-store where the analysis cannot see it (import/path.Func or import/path.Type.Method)")
	a.Flags.BoolVar(&c.strict, "strict", false, "report every per-user response on its own, also those identified only by request headers (Authorization, X-Api-Key) or the URL (?api_key=)")
	return a
}

type checker struct {
	cookies, keys, headers *flagx.Regexp
	middleware             *flagx.Funcs
	strict                 bool
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[respmodel.Analyzer].(*respmodel.Result)
	mw := newMiddleware(c, pass, res)
	mw.exportFacts()
	gs := newGroups(c, pass)
	for _, f := range res.Funcs {
		if f.Handler == 0 || mw.routes.InTestFile(f.Node) {
			continue
		}
		if h := c.judge(pass, mw, f); h != nil {
			s := served{w: mw.covering(h.category).Func(f.Node), pub: mw.public.Func(f.Node), auth: mw.authed.Func(f.Node), head: mw.headed.Func(f.Node),
				stored: mw.keys.storedOn(func(m *routes.Model) routes.Where { return m.Func(f.Node) })}
			if h.gated {
				s.gate = mw.gate.Func(f.Node)
			}
			gs.local(h, s)
		}
	}
	gs.imported(mw)
	gs.report(mw.routes)
	return nil, nil
}

// A handler is a per-user handler whose response no private or no-store
// governs, as far as the handler shows; where it is served decides the
// rest.
type handler struct {
	name     string
	category string           // missing or validators
	quiet    bool             // identified by a request header for which only public applies in its category (identity.go)
	context  bool             // identified only by context or request values (auth.go)
	keys     []string         // their keys, when only middleware stores them (keys.go)
	identity string           // what(id)
	gated    bool             // reads no identity: per-user only behind middleware that does (gated.go)
	f        *respmodel.Func  // nil for a handler of another package
	body     *respmodel.Event // the uncovered body
	id       *respmodel.Event // the identity read
}

// judge applies the rules of docs/privatecache.md to one handler: it
// reports what holds for each response whatever the route (public; a
// weaker Cache-Control) and returns a handler whose routes decide
// (missing, validators; public, for middleware that sets it), or nil.
func (c *checker) judge(pass *analysis.Pass, mw *middleware, f *respmodel.Func) *handler {
	id, src, context := c.identity(f.Events)
	cc := cacheHeaders(f.Events)
	gated := id == nil // per-user only behind middleware that identifies the user
	if gated && !mayServeFile(f, cc) || passesOn(pass, mw.model, f.Node) {
		return nil
	}
	bodies := successBodies(f)
	if gated {
		bodies = gatedBodies(bodies, cc)
	}
	if len(bodies) == 0 {
		return nil
	}
	switch {
	case cc.unknown || cc.vary || cc.stream:
		return nil
	case cc.private:
		// checked per body below
	case gated && (len(cc.public) > 0 || len(cc.other) > 0):
		return nil
	case len(cc.public) > 0:
		for _, ev := range cc.public {
			reportPublic(pass, ev, id)
		}
		return nil
	case len(cc.other) > 0:
		// A weaker value is missing's case too: not for a request
		// that serves POST, PUT or PATCH, by its body or its routes.
		if w := mw.routes.Func(f.Node); (c.strict || !quiet(catMissing, src)) && !refetched(cc, bodies) && !readsBody(f.Events) && w.Served() {
			reportWeak(pass, cc.other[0], id)
		}
		return nil
	}
	body := mw.uncovered(f, bodies)
	if body == nil || readsBody(f.Events) {
		return nil
	}
	h := &handler{name: handlerName(pass, f.Node), category: catMissing, context: context && !c.strict, f: f, body: body, id: id, gated: gated}
	if !gated {
		h.identity = what(id)
	}
	if body.Body == respmodel.BodyFile || len(cc.valid) > 0 {
		h.category = catValidators
	}
	h.quiet = !c.strict && !gated && quiet(h.category, src)
	if h.context {
		h.keys = mw.keys.onlyMiddleware(f.Events)
	}
	return h
}

// readsBody reports whether a handler reads the request body: it serves
// POST, PUT or PATCH, whose responses shared caches do not store.
func readsBody(events []*respmodel.Event) bool {
	for _, ev := range events {
		if ev.Kind == respmodel.ReadBody {
			return true
		}
	}
	return false
}

// handlerName names a handler for messages: pkg.Func, pkg.Type.Method, or
// the function literal's position.
func handlerName(pass *analysis.Pass, n ast.Node) string {
	if d, ok := n.(*ast.FuncDecl); ok {
		if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
			return shortName(fn)
		}
	}
	p := pass.Fset.Position(n.Pos())
	return fmt.Sprintf("the function literal at %s:%d", p.Filename[strings.LastIndex(p.Filename, "/")+1:], p.Line)
}

// what describes an identity read for messages.
func what(ev *respmodel.Event) string {
	var s string
	v := ev.Value
	switch ev.Identity {
	case respmodel.IdentityCookie:
		s = "the cookie " + key(v)
	case respmodel.IdentityHeader:
		s = "the " + key(v) + " header"
		if v.State == respmodel.Known {
			s = "the " + v.Str + " header"
		}
	case respmodel.IdentityBasicAuth:
		s = "basic auth credentials"
	case respmodel.IdentityContext:
		s = "the context value " + key(v)
	case respmodel.IdentityLocal:
		s = "the request value " + key(v)
	case respmodel.IdentitySession:
		s = "the session"
	case respmodel.IdentityQuery:
		s = "the query or form value " + key(v)
	}
	if ev.Via != "" {
		s += " (through " + ev.Via + ")"
	}
	return s
}

func key(v respmodel.Value) string {
	if v.State == respmodel.Known && v.Str != "" {
		return fmt.Sprintf("%q", v.Str)
	}
	return v.Hint
}
