package privatecache

import (
	"cmp"
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

const why = "a shared cache (CDN, proxy) may store it and serve one user's data to another"

// whyValidators says why a per-user response with validators can leak.
const whyValidators = "Last-Modified or ETag make it heuristically cacheable (RFC 9111 section 4.2.2), so a shared cache (CDN, proxy) may store it and serve one user's file to another"

// reportHandler reports a handler's response at its body: where no
// router or group is in sight, for validators, and with -strict.
func reportHandler(pass *analysis.Pass, h *handler) {
	msg := fmt.Sprintf("handler reads %s but writes this response without Cache-Control private or no-store: %s; set Cache-Control: private, no-store at the start of the handler", h.identity, why)
	if h.category == catValidators {
		msg = fmt.Sprintf("handler reads %s and serves this response with validators but without Cache-Control private or no-store: %s; set Cache-Control: private, no-store before it", h.identity, whyValidators)
	}
	pass.Report(analysis.Diagnostic{
		Pos:            h.body.Pos(),
		End:            h.body.Node().End(),
		Category:       h.category,
		Message:        msg,
		Related:        related(h.id),
		SuggestedFixes: insertFixes(pass, h.f),
	})
}

// reportRoute reports a route of this package that serves a handler of
// another: validators, and with -strict.
func reportRoute(pass *analysis.Pass, e entry) {
	route := "this route"
	if e.via != "" { // served here, registered elsewhere
		route = "its route " + strings.TrimSpace(quoted(e))
	}
	msg := fmt.Sprintf("%s reads %s but its responses on %s carry no Cache-Control private or no-store: %s; set it in a middleware on this route or at the start of the handler", e.fact.Handler, e.fact.Identity, route, why)
	if e.fact.Category == catValidators {
		msg = fmt.Sprintf("%s reads %s and serves a response with validators on %s, without Cache-Control private or no-store: %s; set it in a middleware on this route or in the handler", e.fact.Handler, e.fact.Identity, route, whyValidators)
	}
	pass.Report(analysis.Diagnostic{Pos: e.call.Pos(), End: e.call.End(), Category: e.fact.Category, Message: msg})
}

// reportPublicRoute reports a route whose middleware lets shared caches
// store the responses of a per-user handler.
func reportPublicRoute(pass *analysis.Pass, e entry) {
	pass.Report(analysis.Diagnostic{
		Pos: e.call.Pos(), End: e.call.End(), Category: catPublic,
		Message: fmt.Sprintf("a middleware on this route sets Cache-Control with public, s-maxage or max-age, but %s reads %s: shared caches (CDN, proxy) may store its responses and serve one user's data to another; make the middleware private or leave this route out of it",
			e.fact.Handler, e.fact.Identity),
	})
}

// reportGroup reports once the routes of a router or group that send
// per-user responses without private or no-store, at the router or
// group, with each route as related information.
func reportGroup(pass *analysis.Pass, g *group, fixes []analysis.SuggestedFix) {
	slices.SortStableFunc(g.routes, func(a, b entry) int { return cmp.Compare(a.call.Pos(), b.call.Pos()) })
	first := g.routes[0]
	var msg string
	if len(g.routes) == 1 {
		msg = fmt.Sprintf("%s reads %s but the responses of its route %scarry no Cache-Control private or no-store: %s; add a middleware that sets Cache-Control: private, no-store to this router or group, or set it in the handler",
			first.fact.Handler, first.fact.Identity, quoted(first), why)
	} else {
		msg = fmt.Sprintf("%d routes of this router or group send per-user responses without Cache-Control private or no-store (%s reads %s, and %d more): %s; add one middleware that sets Cache-Control: private, no-store to it",
			len(g.routes), first.fact.Handler, first.fact.Identity, len(g.routes)-1, why)
	}
	routes := "1 route"
	if len(g.routes) > 1 {
		routes = fmt.Sprintf("%d routes", len(g.routes))
	}
	switch {
	case len(g.made) == 1:
		msg = fmt.Sprintf("%s of the %s that %s makes on this router send per-user responses without Cache-Control private or no-store (%s reads %s): %s; add a middleware that sets Cache-Control: private, no-store to that %s",
			routes, g.made[0], g.via, first.fact.Handler, first.fact.Identity, why, strings.Fields(g.made[0])[0])
	case len(g.made) > 1:
		slices.Sort(g.made)
		msg = fmt.Sprintf("%s of the %d groups that %s makes on this router (%s) send per-user responses without Cache-Control private or no-store (%s reads %s): %s; add a middleware that sets Cache-Control: private, no-store to this router before the call, or to each group",
			routes, len(g.made), g.via, strings.Join(g.made, ", "), first.fact.Handler, first.fact.Identity, why)
	}
	var rel []analysis.RelatedInformation
	for _, e := range g.routes {
		rel = append(rel, analysis.RelatedInformation{
			Pos: e.call.Pos(), End: e.call.End(),
			Message: fmt.Sprintf("%s%s reads %s", quoted(e), e.fact.Handler, e.fact.Identity),
		})
	}
	node := g.node
	if v, ok := g.obj.(*types.Var); ok && v.IsField() && len(g.routes) == 1 {
		// A router held in a field is made elsewhere: a field
		// declaration says less than the one route.
		node = first.call
	}
	pass.Report(analysis.Diagnostic{
		Pos:            node.Pos(),
		End:            node.End(),
		Category:       catMissing,
		Message:        msg,
		Related:        rel,
		SuggestedFixes: fixes,
	})
}

// quoted is a route's pattern, and the function that registers it, for
// messages: `"GET /me" (through api.Register) `.
func quoted(e entry) string {
	var s []string
	if e.pattern != "" {
		s = append(s, fmt.Sprintf("%q", e.pattern))
	}
	if e.via != "" {
		s = append(s, "(through "+e.via+")")
	}
	if len(s) == 0 {
		return ""
	}
	return strings.Join(s, " ") + " "
}

func reportWeak(pass *analysis.Pass, cc, id *respmodel.Event) {
	pass.Report(analysis.Diagnostic{
		Pos:      cc.Pos(),
		End:      cc.Node().End(),
		Category: catMissing,
		Message: fmt.Sprintf("handler reads %s but sets Cache-Control %q, without private or no-store: %s; add private",
			what(id), cc.Value.Str, why),
		Related:        related(id),
		SuggestedFixes: rewriteFixes(pass, cc),
	})
}

func reportPublic(pass *analysis.Pass, cc, id *respmodel.Event) {
	d := directives(cc.Value.Str)
	var msg string
	switch {
	case cc.Header != "Cache-Control":
		msg = fmt.Sprintf("handler reads %s but sets %s %q: the CDN may store the response and serve one user's data to another; use private or no-store",
			what(id), cc.Header, cc.Value.Str)
	case storable(d) == "max-age":
		msg = fmt.Sprintf("handler reads %s but sets Cache-Control %q without private: browsers keep the response for that long whatever the user, and for requests with cookies shared caches (CDN, proxy) may store it and serve one user's data to another; add private",
			what(id), cc.Value.Str)
	default:
		msg = fmt.Sprintf("handler reads %s but sets Cache-Control %q: public and s-maxage let shared caches (CDN, proxy) store the response and serve one user's data to another; use private",
			what(id), strings.TrimSuffix(cc.Value.Str, ", max-age"))
	}
	pass.Report(analysis.Diagnostic{
		Pos:            cc.Pos(),
		End:            cc.Node().End(),
		Category:       catPublic,
		Message:        msg,
		Related:        related(id),
		SuggestedFixes: rewriteFixes(pass, cc),
	})
}

func related(id *respmodel.Event) []analysis.RelatedInformation {
	if id == nil {
		return nil // a gated handler: its route's middleware identifies the user
	}
	return []analysis.RelatedInformation{{Pos: id.Pos(), End: id.Node().End(), Message: "the user is identified here"}}
}
