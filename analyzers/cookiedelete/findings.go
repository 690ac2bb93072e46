package cookiedelete

import (
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// A finding is one reason a deletion does not delete.
type finding struct {
	category string
	message  string // after the cookie's description
	fixes    []analysis.SuggestedFix
	site     *site // the set site it is compared with, if any
}

// findings applies the rules of docs/cookiedelete.md to one deletion of
// a cookie set at set.
func findings(pass *analysis.Pass, ck *respmodel.Cookie, set []site) []finding {
	var out []finding
	if zeroMaxAge(ck) {
		hint := "set MaxAge: -1"
		if ck.Syntax == respmodel.ArgsSyntax {
			hint = "pass maxAge -1"
		}
		out = append(out, finding{
			category: catMaxAgeZero,
			message:  "is written with an empty value and MaxAge 0 as if that deleted it, but MaxAge 0 sends no Max-Age: the browser keeps the cookie until it closes; " + hint,
			fixes:    []analysis.SuggestedFix{{Message: capitalize(hint), TextEdits: ck.SetFix(pass, "MaxAge", "-1")}},
		})
	}
	placed := placement(pass, ck, set)
	if placed != nil {
		out = append(out, *placed)
	}
	out = append(out, prefixFindings(pass, ck, placed)...)
	if ck.SameSiteMode() == respmodel.SameSiteNone && ck.SecureFlag().IsFalseOrAbsent() && !hasCategory(out, catPrefix) {
		out = append(out, secureFinding(pass, ck, catSameSite, "is deleted with SameSite=None but without Secure: browsers reject such a Set-Cookie, so the cookie stays"))
	}
	if ck.Syntax == respmodel.ClearHelper && placed != nil {
		// Each fix rewrites the whole call; placed's takes the prefix's
		// Secure along.
		for i := range out {
			if out[i].category != placed.category {
				out[i].fixes = nil
			}
		}
	}
	return out
}

func hasCategory(fs []finding, cat string) bool {
	for _, f := range fs {
		if f.category == cat {
			return true
		}
	}
	return false
}

// placement compares a deletion's Path and Domain with the set sites: a
// deletion that matches one (or whose comparison depends on a computed
// value) is fine; otherwise it is reported against the first.
func placement(pass *analysis.Pass, ck *respmodel.Cookie, set []site) *finding {
	p, d := pathAttr(ck), domainAttr(ck)
	for _, s := range set {
		if same(p, s.Path) && same(d, s.Domain) {
			return nil
		}
	}
	s := &set[0]
	m := compare(p, d, s.Site)
	hint := "delete it " + m.fix
	f := &finding{
		category: m.category,
		message: "is deleted " + m.deleted + " but set " + m.set + " at " + s.Where +
			": a browser deletes a cookie only when its Path and Domain match, so it keeps this one; " + hint,
		site: s,
	}
	if edits := placeFix(pass, ck, s.Site); edits != nil {
		f.fixes = append(f.fixes, analysis.SuggestedFix{Message: capitalize(hint), TextEdits: edits})
	}
	if edits := ck.HttpsafeDeleteFix(pass); edits != nil && s.Path.State == respmodel.Known && s.Path.Str == "/" && s.Domain.State == respmodel.Absent && s.Secure {
		f.fixes = append(f.fixes, analysis.SuggestedFix{
			Message:   `Use httpsafe.DeleteCookie, which deletes with Path "/", no Domain and Secure`,
			TextEdits: edits,
		})
	}
	return f
}

// A mismatch says how a deletion's Path and Domain differ from a set
// site's, in words.
type mismatch struct {
	category          string
	deleted, set, fix string // "without Path", `with Path "/"`, `with Path "/"`
}

// compare describes how a deletion with path and domain differs from s.
func compare(path, domain Attr, s Site) mismatch {
	var del, had, fix []string
	category := catDomain
	if !same(path, s.Path) {
		category = catPath
		del, had, fix = append(del, describePath(path)), append(had, describePath(s.Path)), append(fix, fixPath(s.Path))
	}
	if !same(domain, s.Domain) {
		del, had, fix = append(del, describeDomain(domain)), append(had, describeDomain(s.Domain)), append(fix, fixDomain(s.Domain))
	}
	return mismatch{category, strings.Join(del, " and "), strings.Join(had, " and "), strings.Join(fix, " and ")}
}

// same reports whether a and b may be the same Path or Domain: equal, or
// not both known.
func same(a, b Attr) bool {
	if a.State == respmodel.Unknown || b.State == respmodel.Unknown {
		return true
	}
	return a.State == b.State && a.Str == b.Str
}

func describePath(a Attr) string {
	if a.State == respmodel.Absent {
		return "without Path (the browser then takes the directory of the request's URL path)"
	}
	s := "with Path " + strconv.Quote(a.Str)
	if a.Default != "" {
		s += " (" + a.Default + "'s for an empty path)"
	}
	return s
}

func describeDomain(a Attr) string {
	if a.State == respmodel.Absent {
		return "without Domain"
	}
	return "with Domain " + strconv.Quote(a.Str)
}

func fixPath(a Attr) string {
	if a.State == respmodel.Absent {
		return "without Path"
	}
	return "with Path " + strconv.Quote(a.Str)
}

func fixDomain(a Attr) string {
	if a.State == respmodel.Absent {
		return "without Domain"
	}
	return "with Domain " + strconv.Quote(a.Str)
}

// placeFix gives a deletion the set site's Path and Domain, where both
// can be written: a Path the site writes none for can be removed only
// in a framework that writes none for an empty one.
func placeFix(pass *analysis.Pass, ck *respmodel.Cookie, s Site) []analysis.TextEdit {
	if ck.Syntax == respmodel.ClearHelper {
		return clearFix(pass, ck, s)
	}
	var edits []analysis.TextEdit
	if !same(pathAttr(ck), s.Path) {
		text := `""`
		if s.Path.State == respmodel.Known {
			text = strconv.Quote(s.Path.Str)
		} else if r := httpfw.Of(ck.Framework).Cookie; r.EmptyPath != "" && r.Applies(ck.Syntax == respmodel.StructSyntax) {
			return nil
		}
		e := ck.SetFix(pass, "Path", text)
		if e == nil {
			return nil
		}
		edits = append(edits, e...)
	}
	if !same(domainAttr(ck), s.Domain) {
		text := `""`
		if s.Domain.State == respmodel.Known {
			text = strconv.Quote(s.Domain.Str)
		}
		e := ck.SetFix(pass, "Domain", text)
		if e == nil {
			return nil
		}
		edits = append(edits, e...)
	}
	return edits
}

// clearFix replaces a clear helper with a deletion through the
// framework's cookie method with the set site's Path and Domain, and
// Secure for a prefixed name, which browsers require.
func clearFix(pass *analysis.Pass, ck *respmodel.Cookie, s Site) []analysis.TextEdit {
	var fields []string
	switch r := httpfw.Of(ck.Framework).Cookie; {
	case s.Path.State == respmodel.Known:
		fields = append(fields, "Path: "+strconv.Quote(s.Path.Str))
	case r.EmptyPath != "":
		return nil // the method writes a Path for an empty one
	}
	if s.Domain.State == respmodel.Known {
		fields = append(fields, "Domain: "+strconv.Quote(s.Domain.Str))
	}
	if prefix(ck) != "" {
		fields = append(fields, "Secure: true")
	}
	return ck.ClearFix(pass, fields)
}

// prefix returns the cookie's name prefix (respmodel.Cookie.Prefix), or
// "" for a session store's cookie (ck.Session).
func prefix(ck *respmodel.Cookie) string {
	if ck.Session {
		return ""
	}
	return ck.Prefix()
}

// prefixFindings reports a __Secure- or __Host- deletion that browsers
// reject (RFC 6265bis section 4.1.3; prefixes match case-insensitively),
// leaving out what placed already says.
func prefixFindings(pass *analysis.Pass, ck *respmodel.Cookie, placed *finding) []finding {
	p := prefix(ck)
	if p == "" {
		return nil
	}
	var out []finding
	if ck.SecureFlag().IsFalseOrAbsent() {
		out = append(out, secureFinding(pass, ck, catPrefix, "has the "+p+" prefix but is deleted without Secure: browsers reject such a Set-Cookie, so the cookie stays"))
	}
	if p != "__Host-" || placed != nil {
		return out
	}
	if path := pathAttr(ck); path.State == respmodel.Absent || path.State == respmodel.Known && path.Str != "/" {
		hint := attrHint(ck, respmodel.AttrRootPath, `Path "/"`)
		out = append(out, finding{
			category: catPrefix,
			message:  `has the __Host- prefix but is deleted with a Path other than "/": browsers reject such a Set-Cookie, so the cookie stays; ` + hint,
			fixes:    []analysis.SuggestedFix{{Message: capitalize(hint), TextEdits: ck.Fix(pass, respmodel.AttrRootPath)}},
		})
	}
	if d := domainAttr(ck); d.State == respmodel.Known {
		out = append(out, finding{
			category: catPrefix,
			message:  "has the __Host- prefix but is deleted with a Domain: browsers reject such a Set-Cookie, so the cookie stays; remove the Domain",
			fixes:    []analysis.SuggestedFix{{Message: "Remove the Domain", TextEdits: ck.SetFix(pass, "Domain", `""`)}},
		})
	}
	return out
}

// secureFinding is a finding whose fix is to set Secure.
func secureFinding(pass *analysis.Pass, ck *respmodel.Cookie, category, problem string) finding {
	hint := attrHint(ck, respmodel.AttrSecure, "Secure")
	edits := ck.Fix(pass, respmodel.AttrSecure)
	if ck.Syntax == respmodel.ClearHelper {
		fields := []string{"Secure: true"}
		if prefix(ck) == "__Host-" {
			fields = append([]string{`Path: "/"`}, fields...)
		}
		edits = ck.ClearFix(pass, fields)
	}
	return finding{
		category: category,
		message:  problem + "; " + hint,
		fixes:    []analysis.SuggestedFix{{Message: capitalize(hint), TextEdits: edits}},
	}
}

// attrHint says how to turn attr on for a deletion; a clear helper takes
// no attributes, so the deletion must be written as a cookie.
func attrHint(ck *respmodel.Cookie, attr respmodel.Attribute, what string) string {
	if ck.Syntax == respmodel.ClearHelper {
		return "delete it with a cookie that sets " + what
	}
	return ck.FixHint(attr)
}
