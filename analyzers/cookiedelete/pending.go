package cookiedelete

import (
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// judgePending judges the deletions of imported packages that they could
// not (a middleware package that deletes the session cookie its importer
// sets): a deletion that matches no set site in sight is reported at
// this package's first set site of the name, the only syntax of the two
// in this package.
func judgePending(pass *analysis.Pass, pending []Site, own, all []site) {
	reported := make(map[string]bool)
	for _, d := range pending {
		var here *site
		for i, s := range own {
			if s.Name == d.Name && s.Session == d.Session {
				here = &own[i]
				break
			}
		}
		if here == nil || matches(d, all) {
			continue
		}
		m := compare(d.Path, d.Domain, here.Site)
		if key := d.Name + "\x00" + m.deleted; reported[key] {
			continue // the same deletion elsewhere in that package
		} else {
			reported[key] = true
		}
		pass.Report(analysis.Diagnostic{
			Pos: here.ev.Pos(), End: here.ev.Node().End(), Category: m.category,
			Message: siteSubject(d) + " is set here " + m.set + " but deleted " + m.deleted + " at " + d.Where +
				": a browser deletes a cookie only when its Path and Domain match, so that deletion leaves it; delete it " + m.fix,
		})
	}
}

// matches reports whether a deletion may delete a cookie set at one of
// sites of its name.
func matches(d Site, sites []site) bool {
	for _, s := range sites {
		if s.Name == d.Name && s.Session == d.Session && same(d.Path, s.Path) && same(d.Domain, s.Domain) {
			return true
		}
	}
	return false
}

func siteSubject(s Site) string {
	if s.Session {
		return "session cookie"
	}
	return "cookie " + strconv.Quote(s.Name)
}
