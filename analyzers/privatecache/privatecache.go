package privatecache

import (
	_ "embed"
	"fmt"
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/docx"
	"github.com/resplint/resplint/analyzers/internal/flagx"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

//go:embed doc.go
var doc string

// Default patterns of what identifies the user. "sid" and "uid" must
// stand alone ("connect.sid", not "sidebar" or "guid").
const (
	DefaultCookies = `(?i)sess|(^|[^a-z])sid([^a-z]|$)|auth|token|jwt|remember|login|identity|credential|user|(^|[^a-z])uid([^a-z]|$)`
	DefaultKeys    = `(?i)user|(^|[^a-z])uid([^a-z]|$)|auth|sess|claim|principal|identity|account|jwt|token|viewer`
	DefaultHeaders = `(?i)^(authorization|proxy-authorization|cookie|x-api-key|x-auth-token|x-access-token|x-token|x-user|x-user-id|x-forwarded-user|x-forwarded-email|x-auth-request-user|x-auth-request-email|remote-user|x-remote-user)$`
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
		FactTypes: []analysis.Fact{new(NoStoreFact)},
	}
	a.Flags.Var(c.cookies, "cookies", "regular expression of cookie names that identify the user")
	a.Flags.Var(c.keys, "keys", "regular expression of context keys and framework request values (c.Get, c.Locals) that hold the user")
	a.Flags.Var(c.headers, "headers", "regular expression of request headers that carry credentials")
	a.Flags.Var(c.middleware, "middleware", "comma-separated middleware that set Cache-Control private or no-store where the analysis cannot see it (import/path.Func or import/path.Type.Method)")
	return a
}

type checker struct {
	cookies, keys, headers *flagx.Regexp
	middleware             *flagx.Funcs
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[respmodel.Analyzer].(*respmodel.Result)
	r := newRoutes(c, pass, res)
	r.exportFacts()
	for _, f := range res.Funcs {
		if f.Handler == 0 || isTestFile(pass, f.Node) {
			continue
		}
		c.check(pass, r, f)
	}
	return nil, nil
}

// check applies the rules of SPEC 4.4 to one handler.
func (c *checker) check(pass *analysis.Pass, r *routes, f *respmodel.Func) {
	id := c.identity(f.Events)
	if id == nil || passesOn(pass, r.model, f.Node) {
		return
	}
	bodies := successBodies(f)
	if len(bodies) == 0 {
		return
	}
	cc := cacheHeaders(f.Events)
	switch {
	case cc.unknown || cc.vary:
		return
	case cc.private:
		// checked per body below
	case len(cc.public) > 0:
		for _, ev := range cc.public {
			reportPublic(pass, ev, id)
		}
		return
	case len(cc.other) > 0:
		reportWeak(pass, cc.other[0], id)
		return
	}
	body := r.uncovered(f, bodies)
	if body == nil || readsBody(f.Events) || !r.exposed(f) {
		return
	}
	reportMissing(pass, f, body, id)
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

const why = "a shared cache (CDN, proxy) may store it and serve one user's data to another"

func reportMissing(pass *analysis.Pass, f *respmodel.Func, body, id *respmodel.Event) {
	pass.Report(analysis.Diagnostic{
		Pos:      body.Pos(),
		End:      body.Node().End(),
		Category: "missing",
		Message: fmt.Sprintf("handler reads %s but writes this response without Cache-Control private or no-store: %s; set Cache-Control: private, no-store at the start of the handler",
			what(id), why),
		Related:        related(id),
		SuggestedFixes: insertFixes(pass, f),
	})
}

func reportWeak(pass *analysis.Pass, cc, id *respmodel.Event) {
	pass.Report(analysis.Diagnostic{
		Pos:      cc.Pos(),
		End:      cc.Node().End(),
		Category: "missing",
		Message: fmt.Sprintf("handler reads %s but sets Cache-Control %q, without private or no-store: %s; add private",
			what(id), cc.Value.Str, why),
		Related:        related(id),
		SuggestedFixes: rewriteFixes(pass, cc),
	})
}

func reportPublic(pass *analysis.Pass, cc, id *respmodel.Event) {
	pass.Report(analysis.Diagnostic{
		Pos:      cc.Pos(),
		End:      cc.Node().End(),
		Category: "public",
		Message: fmt.Sprintf("handler reads %s but sets Cache-Control %q: public and s-maxage let shared caches (CDN, proxy) store the response and serve one user's data to another; use private",
			what(id), strings.TrimSuffix(cc.Value.Str, ", max-age")),
		Related:        related(id),
		SuggestedFixes: rewriteFixes(pass, cc),
	})
}

func related(id *respmodel.Event) []analysis.RelatedInformation {
	return []analysis.RelatedInformation{{Pos: id.Pos(), End: id.Node().End(), Message: "the user is identified here"}}
}

func isTestFile(pass *analysis.Pass, n ast.Node) bool {
	return strings.HasSuffix(pass.Fset.File(n.Pos()).Name(), "_test.go")
}
