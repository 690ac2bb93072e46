package cookiedelete

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/resplint/resplint/analyzers/internal/docx"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

//go:embed doc.go
var doc string

// Analyzer is the cookiedelete check.
var Analyzer = New()

// New returns a cookiedelete analyzer.
func New() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "cookiedelete",
		Doc:       docx.Extract(doc, "cookiedelete"),
		URL:       "https://github.com/resplint/resplint/blob/main/docs/cookiedelete.md",
		Requires:  []*analysis.Analyzer{inspect.Analyzer, respmodel.Analyzer},
		FactTypes: []analysis.Fact{new(SitesFact)},
		Run:       run,
	}
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[respmodel.Analyzer].(*respmodel.Result)
	var events []*respmodel.Event
	for _, ev := range res.Cookies() {
		if !respmodel.InTestFile(pass.Fset, ev.Pos()) {
			events = append(events, ev)
		}
	}
	own, imported, pending := sites(pass, events)
	all := append(slices.Clip(own), imported...)
	reset := resets(pass, res)
	var unjudged []Site
	for _, ev := range events {
		ck := ev.Cookie
		if !intended(ck) || judgedInHelper(ev) || reset[ev] {
			continue
		}
		set := sameCookie(ck, all)
		if len(set) == 0 {
			// Set nowhere in sight: an importer that sets it judges it.
			if s, ok := cookieSite(pass, ev); ok {
				unjudged = append(unjudged, s)
			}
			continue
		}
		for _, f := range findings(pass, ck, set) {
			report(pass, ev, f)
		}
	}
	judgePending(pass, pending, own, all)
	export(pass, own, unjudged)
	return nil, nil
}

// zeroMaxAge reports whether a cookie is written with an empty value and
// an explicit MaxAge of 0, as if that deleted it. net/http (and gin and
// echo, which write through it) and fasthttp (fiber) send no Max-Age for
// 0, so the browser keeps the cookie until it closes. In a raw header,
// Max-Age=0 does delete; a session store's MaxAge 0 is a browser-session
// cookie.
func zeroMaxAge(ck *respmodel.Cookie) bool {
	if ck.Session || ck.Syntax == respmodel.HeaderString || ck.Syntax == respmodel.ClearHelper {
		return false
	}
	v := ck.MaxAge
	emptyValue := ck.Value.State == respmodel.Absent || ck.Empty()
	return v.State == respmodel.Known && v.Int == 0 && v.Expr() != nil &&
		ck.Expires.State == respmodel.Absent && emptyValue
}

// intended reports whether a cookie is meant to delete one.
func intended(ck *respmodel.Cookie) bool { return ck.Deleting() || zeroMaxAge(ck) }

// judgedInHelper reports whether a deletion made through a helper of
// this package is the helper's own: it is judged in the helper, once.
func judgedInHelper(ev *respmodel.Event) bool {
	g := ev.Generic()
	return g != nil && (g.Name.State == respmodel.Known || g.Session) && ev.Cookie.Decl().IsValid()
}

// resets returns the deletions that the same function follows with a
// cookie of the same name (c.ClearCookie("remember") before writing a
// new "remember"): they replace the cookie rather than delete it, and
// fiber sends only the last cookie of a name anyway.
func resets(pass *analysis.Pass, res *respmodel.Result) map[*respmodel.Event]bool {
	out := make(map[*respmodel.Event]bool)
	for _, f := range res.Funcs {
		var later []site
		for i := len(f.Events) - 1; i >= 0; i-- {
			ev := f.Events[i]
			if ev.Kind != respmodel.SetCookie {
				continue
			}
			if intended(ev.Cookie) {
				if s := sameCookie(ev.Cookie, later); len(s) > 0 {
					out[ev] = true
				}
			} else if s, ok := setSite(pass, ev); ok {
				later = append(later, site{Site: s})
			}
		}
	}
	return out
}

// sameCookie returns the set sites of the cookie a deletion names.
func sameCookie(ck *respmodel.Cookie, all []site) []site {
	var out []site
	for _, s := range all {
		switch {
		case ck.Session:
			if s.Session && sessionSite(ck) {
				out = append(out, s)
			}
		case ck.Name.State == respmodel.Known && !s.Session && s.Name == ck.Name.Str:
			out = append(out, s)
		}
	}
	return out
}

// subject describes the deleted cookie for messages.
func subject(ev *respmodel.Event) string {
	s := "session cookie deleted by these " + httpfw.Of(ev.Cookie.Framework).StoreOptions
	if !ev.Cookie.Session {
		s = fmt.Sprintf("cookie %q", ev.Cookie.Name.Str)
	}
	if ev.Via != "" {
		s += " (through " + ev.Via + ")"
	}
	return s
}

func report(pass *analysis.Pass, ev *respmodel.Event, f finding) {
	d := analysis.Diagnostic{
		Pos: ev.Pos(), End: ev.Node().End(), Category: f.category,
		Message: subject(ev) + " " + f.message,
	}
	for _, fix := range f.fixes {
		if len(fix.TextEdits) > 0 {
			d.SuggestedFixes = append(d.SuggestedFixes, fix)
		}
	}
	if f.site != nil && f.site.ev != nil {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: f.site.ev.Pos(), Message: "the cookie is set here"})
	}
	if decl := ev.Cookie.Decl(); decl.IsValid() && pass.Fset.Position(decl).Line != pass.Fset.Position(ev.Pos()).Line {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: decl, Message: "the deleting cookie is defined here"})
	}
	pass.Report(d)
}

// capitalize returns s with its first letter in upper case, for a fix's
// message.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
