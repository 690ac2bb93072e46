package cookieflags

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/resplint/resplint/analyzers/internal/docx"
	"github.com/resplint/resplint/analyzers/internal/flagx"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/names"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

//go:embed doc.go
var doc string

// DefaultNames is the default pattern of sensitive cookie names. "sid"
// must stand alone ("connect.sid", not "sidebar").
const DefaultNames = `(?i)sess|(^|[^a-z])sid([^a-z]|$)|auth|token|jwt|access|refresh|remember|login|identity|credential|secret|totp`

// Analyzer is the cookieflags check with default options.
var Analyzer = New()

// New returns a cookieflags analyzer with its own options.
func New() *analysis.Analyzer {
	c := &checker{names: flagx.NewRegexp(DefaultNames)}
	a := &analysis.Analyzer{
		Name:     "cookieflags",
		Doc:      docx.Extract(doc, "cookieflags"),
		URL:      "https://github.com/resplint/resplint/blob/main/docs/cookieflags.md",
		Requires: []*analysis.Analyzer{inspect.Analyzer, respmodel.Analyzer},
		Run:      c.run,
	}
	a.Flags.Var(c.names, "names", "regular expression of sensitive cookie names")
	a.Flags.BoolVar(&c.all, "all", false, "report missing HttpOnly and Secure on every cookie, not only sensitive ones")
	return a
}

type checker struct {
	names *flagx.Regexp
	all   bool
}

// A finding is one missing attribute of one cookie.
type finding struct {
	category string
	attr     respmodel.Attribute
	problem  string // what is wrong and why, after the cookie's description
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[respmodel.Analyzer].(*respmodel.Result)
	for _, ev := range res.Cookies() {
		if respmodel.InTestFile(pass.Fset, ev.Pos()) {
			continue
		}
		generic := c.findings(ev.Generic())
		for _, f := range c.findings(ev.Cookie) {
			if ev.Generic() != nil && contains(generic, f) {
				continue // reported in the helper itself
			}
			if f.category == catSecure && ev.Cookie.SameSiteMode() != respmodel.SameSiteNone && plainHTTP(res.Inspector, ev) {
				continue
			}
			report(pass, ev, f)
		}
	}
	return nil, nil
}

func contains(fs []finding, f finding) bool {
	for _, g := range fs {
		if g.category == f.category && g.attr == f.attr {
			return true
		}
	}
	return false
}

// findings applies the rules of docs/cookieflags.md to one cookie.
func (c *checker) findings(ck *respmodel.Cookie) []finding {
	if ck == nil || ck.Deleting() || ck.Empty() {
		return nil // a deletion or a cleared value: cookiedelete's business
	}
	var out []finding
	sensitive := c.sensitive(ck)
	secure := ck.SecureFlag()
	prefix := prefixFindings(ck)
	if (sensitive || c.all) && ck.HttpOnly.IsFalseOrAbsent() {
		out = append(out, finding{catHttpOnly, respmodel.AttrHttpOnly,
			"is set without HttpOnly: page scripts, and so any XSS bug, can read it"})
	}
	if secure.IsFalseOrAbsent() && !containsAttr(prefix, respmodel.AttrSecure) {
		switch {
		case ck.SameSiteMode() == respmodel.SameSiteNone:
			out = append(out, finding{catSecure, respmodel.AttrSecure,
				"has SameSite=None without Secure: browsers reject such cookies"})
		case sensitive || c.all:
			out = append(out, finding{catSecure, respmodel.AttrSecure,
				"is set without Secure: browsers also send it over plain HTTP, where the network can read it"})
		}
	}
	if sensitive && ck.SameSiteMode() == respmodel.SameSiteMissing {
		out = append(out, finding{catSameSite, respmodel.AttrSameSite,
			"is set without SameSite: browsers that do not default to Lax send it with cross-site requests (CSRF)"})
	}
	return append(out, prefix...)
}

func containsAttr(fs []finding, a respmodel.Attribute) bool {
	for _, f := range fs {
		if f.attr == a {
			return true
		}
	}
	return false
}

// prefixFindings reports __Secure- and __Host- cookies that browsers drop
// (RFC 6265bis section 4.1.3; prefixes match case-insensitively).
func prefixFindings(ck *respmodel.Cookie) []finding {
	p := ck.Prefix()
	if p == "" {
		return nil
	}
	var out []finding
	if ck.SecureFlag().IsFalseOrAbsent() {
		out = append(out, finding{catPrefix, respmodel.AttrSecure, "has the " + p + " prefix but not Secure: browsers drop it"})
	}
	if p == "__Host-" {
		if path := ck.PathAttr(); path.State == respmodel.Absent || path.State == respmodel.Known && path.Str != "/" {
			out = append(out, finding{catPrefix, respmodel.AttrRootPath, `has the __Host- prefix but its Path is not "/": browsers drop it`})
		}
		if d := ck.Domain; d.State == respmodel.Known && d.Str != "" {
			out = append(out, finding{catPrefix, 0, "has the __Host- prefix but sets Domain: browsers drop it; remove the Domain"})
		}
	}
	return out
}

// sensitive reports whether a cookie carries a session or credentials:
// a session store's cookie, or one whose name (or, when the name is
// computed, the variable it is read from) matches the pattern, unless it
// is a CSRF token or says when the session expires.
func (c *checker) sensitive(ck *respmodel.Cookie) bool {
	if ck.Session {
		return true
	}
	if ck.ValueIsFlag() {
		return false
	}
	name := ck.Name.Str
	if ck.Name.State != respmodel.Known {
		name = ck.Name.Hint
	}
	if name == "" || names.CSRF(name) || isExpiry(name) {
		return false
	}
	return c.names.MatchString(name)
}

// isExpiry reports whether a cookie's name ends with the word expires,
// expiry, expiration or exp (puffer_auth_expires, authExpiry): it tells
// the page's scripts when the session ends, and holds no credential.
func isExpiry(name string) bool {
	words := strings.Split(strings.TrimRight(names.Snake(name), "_"), "_")
	switch words[len(words)-1] {
	case "expires", "expiry", "expiration", "exp":
		return true
	}
	return false
}

// subject describes the cookie for messages.
func subject(ev *respmodel.Event) string {
	ck := ev.Cookie
	fw := httpfw.Of(ck.Framework)
	var s string
	switch {
	case ck.Program != nil:
		s = "session cookie of " + fw.Store + " " + ck.Program.Name + " (" + ck.Program.Where + ", default Options with the program's settings)"
	case ck.Syntax == respmodel.StoreDefaults && ck.Name.State == respmodel.Known:
		s = fmt.Sprintf("session cookie %q of this %s", ck.Name.Str, fw.Store)
	case ck.Syntax == respmodel.StoreDefaults:
		s = "session cookie of this " + fw.Store + " (default Options)"
	case ck.Syntax == respmodel.EmptyOptions:
		s = "session cookie of a session made with empty " + fw.StoreOptions + ", not its store's defaults,"
	case ck.Session:
		s = "session cookie with these " + fw.StoreOptions
	case ck.Name.State == respmodel.Known:
		s = fmt.Sprintf("cookie %q", ck.Name.Str)
	case ck.Name.Hint != "":
		s = "cookie named by " + ck.Name.Hint
	default:
		s = "cookie"
	}
	if ev.Via != "" {
		s += " (set by " + ev.Via + ")"
	}
	return s
}

func report(pass *analysis.Pass, ev *respmodel.Event, f finding) {
	ck := ev.Cookie
	msg := subject(ev) + " " + f.problem
	d := analysis.Diagnostic{Pos: ev.Pos(), End: ev.Node().End(), Category: f.category}
	if f.attr != 0 {
		hint := ck.FixHint(f.attr)
		msg += "; " + hint
		if edits := ck.Fix(pass, f.attr); edits != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: strings.ToUpper(hint[:1]) + hint[1:], TextEdits: edits}}
		}
		if edits := ck.HttpsafeFix(pass); edits != nil && f.category != catPrefix {
			d.SuggestedFixes = append(d.SuggestedFixes, analysis.SuggestedFix{
				Message:   "Use httpsafe.SessionCookie, which sets HttpOnly, Secure, SameSite=Lax and Path=/",
				TextEdits: edits,
			})
		}
	}
	d.Message = msg
	if decl := ck.Decl(); decl.IsValid() && pass.Fset.Position(decl).Line != pass.Fset.Position(ev.Pos()).Line {
		d.Related = []analysis.RelatedInformation{{Pos: decl, Message: "the cookie is defined here"}}
	}
	pass.Report(d)
}
