package privatecache

import (
	"go/ast"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/names"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// identity returns the first read among events that identifies the user,
// or nil; whether every such read is of the Authorization header
// (basic auth included): a shared cache does not store a response to a
// request with Authorization unless told to (RFC 9111 section 3.5); and
// whether every such read is of a context or request value, which
// middleware fills. A read inside a helper call that answers with an error status
// does not count: such helpers (remark42's rest.SendErrorJSON) read the
// user to log who failed, and what they send is an error, not the user's
// data. A helper that sends the error on some paths only (a 401 when
// no user is signed in) returns the user's data on the others.
func (c *checker) identity(events []*respmodel.Event) (first *respmodel.Event, authOnly, context bool) {
	errorCalls := make(map[ast.Node]bool)
	for _, ev := range events {
		if ev.Via != "" && ev.Kind == respmodel.WriteStatus && ev.Value.State == respmodel.Known && ev.Value.Int >= 400 && ev.Helper() != nil && ev.Helper().Always() {
			errorCalls[ev.Node()] = true
		}
	}
	// A helper that reads a cookie and sets it again (a visit or a
	// refresh cookie) maintains it: the read says nothing about whose
	// data the response holds.
	resets := make(map[[2]string]bool)
	for _, ev := range events {
		if ev.Kind == respmodel.SetCookie && ev.Via != "" && ev.Cookie != nil && ev.Cookie.Name.State == respmodel.Known {
			resets[[2]string{ev.Via, ev.Cookie.Name.Str}] = true
		}
	}
	authOnly, context = true, true
	for _, ev := range events {
		if ev.Kind == respmodel.ReadIdentity && ev.Identity == respmodel.IdentityCookie && resets[[2]string{ev.Via, ev.Value.Str}] {
			continue
		}
		if ev.Kind == respmodel.ReadIdentity && c.identifies(ev) && !(ev.Via != "" && errorCalls[ev.Node()]) {
			if first == nil {
				first = ev
			}
			authOnly = authOnly && (ev.Identity == respmodel.IdentityBasicAuth ||
				ev.Identity == respmodel.IdentityHeader && strings.EqualFold(ev.Value.Str, "Authorization"))
			context = context && (ev.Identity == respmodel.IdentityContext || ev.Identity == respmodel.IdentityLocal)
		}
	}
	return first, first != nil && authOnly, first != nil && context
}

// identifies reports whether an identity read learns who the user is:
// basic auth and sessions always do; cookies, headers, context values and
// request values when their name or key (or, where the name is not a
// constant, the name of what holds it) matches the options. A context or
// request value that a helper named for the user (GetPrincipal,
// currentUser) reads in its own code counts too: applications keep a bag
// of values under one key (SharedData) and read the user out of it. CSRF
// tokens are per-session but say nothing about the user and are left out.
func (c *checker) identifies(ev *respmodel.Event) bool {
	v := ev.Value
	var ns []string
	if v.State == respmodel.Known && v.Str != "" {
		ns = append(ns, v.Str)
	}
	if v.Hint != "" {
		ns = append(ns, v.Hint)
	}
	if r := ev.Reader; r != "" && (ev.Identity == respmodel.IdentityContext || ev.Identity == respmodel.IdentityLocal) {
		ns = append(ns, r[strings.LastIndexByte(r, '.')+1:])
	}
	match := func(re interface{ MatchString(string) bool }) bool {
		for _, n := range ns {
			if !names.CSRF(n) && re.MatchString(n) {
				return true
			}
		}
		return false
	}
	switch ev.Identity {
	case respmodel.IdentityBasicAuth, respmodel.IdentitySession:
		return true
	case respmodel.IdentityCookie:
		if v.State == respmodel.Known && v.Str != "" {
			// The name the browser sends, not the constant's:
			// UserVisitCookie = "visit" names no session.
			return !names.CSRF(v.Str) && c.cookies.MatchString(v.Str)
		}
		return match(c.cookies)
	case respmodel.IdentityHeader:
		return v.State == respmodel.Known && c.headers.MatchString(v.Str)
	case respmodel.IdentityContext, respmodel.IdentityLocal:
		return match(c.keys)
	}
	return false
}
