package cookiedelete

import (
	"fmt"
	"go/token"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// A Site is where the program sets (or deletes) a cookie: its name and
// the Path and Domain the browser stores it under. Sites travel to
// importing packages in a SitesFact, so a deletion is compared with the
// cookies set in every package it can see.
type Site struct {
	// Name is the cookie's name; "" for a gorilla/sessions session
	// cookie, whose name the store's callers choose.
	Name    string
	Session bool
	Path    Attr
	Domain  Attr
	Secure  bool // known to be set
	// Where is the site in messages: "auth/login.go:14".
	Where string
}

// An Attr is a Path or Domain as the browser receives it.
type Attr struct {
	State respmodel.State
	Str   string // normalised: a Domain without its leading dot, in lower case
	// Default names the framework that writes Str for an empty value
	// ("gin"), or "".
	Default string
}

// SitesFact is a package fact: the cookies the package sets, for the
// packages that import it, and its deletions of cookies it sees set
// nowhere, which a package that imports it and sets them judges.
type SitesFact struct {
	Sites   []Site
	Pending []Site
}

func (*SitesFact) AFact() {}

func (f *SitesFact) String() string {
	var parts []string
	if len(f.Sites) > 0 {
		parts = append(parts, "sets "+siteNames(f.Sites))
	}
	if len(f.Pending) > 0 {
		parts = append(parts, "deletes "+siteNames(f.Pending))
	}
	return strings.Join(parts, "; ")
}

func siteNames(sites []Site) string {
	var names []string
	for _, s := range sites {
		n := strconv.Quote(s.Name)
		if s.Session {
			n = "a session"
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// maxSites bounds a package's SitesFact: a package setting more cookies
// than this is generated code, not a login flow.
const maxSites = 256

// A site is a Site with, in this package, the event that sets it.
type site struct {
	Site
	ev *respmodel.Event // nil for a site of another package
}

// pathAttr is the Path a cookie is stored under: the framework's path for
// an empty one, Absent when none is written (the browser then uses the
// directory of the request's URL path) or when the value does not start
// with "/", which browsers ignore (RFC 6265bis section 5.6.4).
func pathAttr(ck *respmodel.Cookie) Attr {
	v := ck.PathAttr()
	switch v.State {
	case respmodel.Unknown:
		return Attr{State: respmodel.Unknown}
	case respmodel.Absent:
		return Attr{State: respmodel.Absent}
	}
	if !strings.HasPrefix(v.Str, "/") {
		return Attr{State: respmodel.Absent}
	}
	a := Attr{State: respmodel.Known, Str: v.Str}
	if p := ck.Path; p.State == respmodel.Absent || p.State == respmodel.Known && p.Str == "" {
		a.Default = ck.Framework.String()
	}
	return a
}

// domainAttr is the Domain a cookie is stored under: browsers ignore a
// leading dot and compare domains without regard to case; an empty one
// is none (a host-only cookie).
func domainAttr(ck *respmodel.Cookie) Attr {
	v := ck.Domain
	switch {
	case v.State == respmodel.Unknown:
		return Attr{State: respmodel.Unknown}
	case v.State == respmodel.Absent || v.Str == "":
		return Attr{State: respmodel.Absent}
	}
	return Attr{State: respmodel.Known, Str: strings.ToLower(strings.TrimPrefix(v.Str, "."))}
}

// sessionSite reports whether a gorilla/sessions cookie describes where
// sessions are stored: a store's defaults or an Options literal, not a
// Save whose Options the model cannot see.
func sessionSite(ck *respmodel.Cookie) bool {
	return ck.Syntax == respmodel.StoreDefaults || ck.Syntax == respmodel.StructSyntax
}

// setSite returns the Site a cookie event sets, if it sets a cookie
// under a known name (or a session) to keep: not a deletion, nor an
// empty value without a lifetime (a cookie cleared), but an empty marker
// with one ("logged_in" with MaxAge 3600) is kept.
func setSite(pass *analysis.Pass, ev *respmodel.Event) (Site, bool) {
	ck := ev.Cookie
	if intended(ck) || ck.Empty() && ck.MaxAge.State == respmodel.Absent && ck.Expires.State == respmodel.Absent {
		return Site{}, false
	}
	if ck.Session && !sessionSite(ck) {
		return Site{}, false
	}
	return cookieSite(pass, ev)
}

// cookieSite describes where an event writes a cookie of a known name,
// or a session's.
func cookieSite(pass *analysis.Pass, ev *respmodel.Event) (Site, bool) {
	ck := ev.Cookie
	s := Site{Path: pathAttr(ck), Domain: domainAttr(ck), Secure: ck.SecureFlag().IsTrue(), Where: where(pass, ev.Pos())}
	switch {
	case ck.Session:
		s.Session = true
	case ck.Name.State == respmodel.Known:
		s.Name = ck.Name.Str
	default:
		return Site{}, false
	}
	return s, true
}

// where describes pos for messages in any package: the last element of
// the package path, the file's base name and the line.
func where(pass *analysis.Pass, pos token.Pos) string {
	p := pass.Fset.Position(pos)
	return path.Base(pass.Pkg.Path()) + "/" + filepath.Base(p.Filename) + ":" + fmt.Sprint(p.Line)
}

// sites returns the cookies set in this package, in source order, and
// those set in the packages it imports (facts), sorted; and the
// deletions those packages could not judge (SitesFact.Pending).
func sites(pass *analysis.Pass, events []*respmodel.Event) (own, imported []site, pending []Site) {
	for _, ev := range events {
		if s, ok := setSite(pass, ev); ok {
			own = append(own, site{s, ev})
		}
	}
	for _, pf := range pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*SitesFact); ok && pf.Package != pass.Pkg {
			for _, s := range f.Sites {
				imported = append(imported, site{Site: s})
			}
			pending = append(pending, f.Pending...)
		}
	}
	slices.SortStableFunc(imported, func(a, b site) int { return strings.Compare(a.Where, b.Where) })
	slices.SortStableFunc(pending, func(a, b Site) int { return strings.Compare(a.Where, b.Where) })
	return own, imported, pending
}

// export exports the package's SitesFact: the cookies it sets and the
// deletions it could not judge, at most maxSites of each.
func export(pass *analysis.Pass, own []site, pending []Site) {
	f := &SitesFact{}
	for _, s := range own {
		if !slices.Contains(f.Sites, s.Site) && len(f.Sites) < maxSites {
			f.Sites = append(f.Sites, s.Site)
		}
	}
	for _, s := range pending {
		if !slices.Contains(f.Pending, s) && len(f.Pending) < maxSites {
			f.Pending = append(f.Pending, s)
		}
	}
	if len(f.Sites)+len(f.Pending) > 0 {
		pass.ExportPackageFact(f)
	}
}
