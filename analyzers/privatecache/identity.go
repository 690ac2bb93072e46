package privatecache

import (
	"go/ast"
	"regexp"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/names"
	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// A source is what identifies the user in the requests a handler
// answers, as far as caches treat them differently. Sources are
// ordered: a handler with reads of several has the lowest.
type source uint8

const (
	// fromSession: a cookie, a session, or a header an authenticating
	// proxy sets from the browser's session (X-Forwarded-User): the
	// browser sends it on its own, to any URL of the site, and a cache
	// in front cannot tell users apart. Every rule applies.
	fromSession source = iota
	// fromHeader: a credential header the client adds itself
	// (X-Api-Key): no browser sends it on its own, so no link can make
	// a victim's browser fetch a page with it, and a response without
	// freshness or validators gives a cache nothing to keep it by.
	// public and validators apply.
	fromHeader
	// fromAuthorization: the Authorization header, basic auth included:
	// a shared cache does not store a response to such a request unless
	// it says public, s-maxage or must-revalidate (RFC 9111 section
	// 3.5). Only public applies.
	fromAuthorization
	// fromURL: a credential in the query or a form (?api_key=): in the
	// URL, it is part of the cache key, so a stored copy goes to no one
	// without it; in a POST body, shared caches do not store the
	// response. Only public applies.
	fromURL
)

// quiet reports whether, without -strict, the rule of a category (missing
// or validators) stays silent for a response to requests identified by
// src.
func quiet(category string, src source) bool {
	if category == catValidators {
		return src >= fromAuthorization
	}
	return src != fromSession
}

// identity returns the first read among events that identifies the user
// from the lowest source, or nil; that source (where the reads learn it
// from);
// and whether every such read is of a context or request value, which
// middleware fills. A read inside a helper call that answers with an error status
// does not count: such helpers (remark42's rest.SendErrorJSON) read the
// user to log who failed, and what they send is an error, not the user's
// data. A helper that sends the error on some paths only (a 401 when
// no user is signed in) returns the user's data on the others.
func (c *checker) identity(events []*respmodel.Event) (first *respmodel.Event, src source, context bool) {
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
	src, context = fromAuthorization, true
	for _, ev := range events {
		if ev.Kind == respmodel.ReadIdentity && ev.Identity == respmodel.IdentityCookie && resets[[2]string{ev.Via, ev.Value.Str}] {
			continue
		}
		if ev.Kind == respmodel.ReadIdentity && c.identifies(ev) && !(ev.Via != "" && errorCalls[ev.Node()]) {
			if first == nil || readSource(ev) < readSource(first) {
				first = ev // the read that decides, for the message
			}
			src = min(src, readSource(ev))
			context = context && (ev.Identity == respmodel.IdentityContext || ev.Identity == respmodel.IdentityLocal)
		}
	}
	if first == nil {
		return nil, fromSession, false
	}
	return first, src, context
}

// sessionHeaders are the request headers that carry what the browser
// sends on its own: its cookies, and the user that an authenticating
// proxy in front (oauth2-proxy, Authelia) found from its own session
// cookie and hands on.
var sessionHeaders = regexp.MustCompile(`(?i)^(cookie|x-forwarded-user|x-forwarded-email|x-forwarded-preferred-username|x-auth-request-user|x-auth-request-email|remote-user|remote-email|x-remote-user|x-webauth-user|x-user|x-user-id)$`)

// credentialParams are the query parameters and form fields that carry
// a credential, besides the names of credential headers (?X-Auth-Token=).
var credentialParams = regexp.MustCompile(`(?i)^(api[-_]?key|api[-_]?token|access[-_]?token|auth[-_]?token|token|jwt)$`)

// readSource is where one identity read learns who the user is from.
// A context or request value counts as the session here: what put it
// there decides on each route (auth.go).
func readSource(ev *respmodel.Event) source {
	switch ev.Identity {
	case respmodel.IdentityBasicAuth:
		return fromAuthorization
	case respmodel.IdentityQuery:
		return fromURL
	case respmodel.IdentityHeader:
		switch v := ev.Value.Str; {
		case strings.EqualFold(v, "Authorization"):
			return fromAuthorization
		case !sessionHeaders.MatchString(v):
			return fromHeader
		}
	}
	return fromSession
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
		return v.State == respmodel.Known && !names.CSRF(v.Str) && c.headers.MatchString(v.Str)
	case respmodel.IdentityQuery:
		return v.State == respmodel.Known && !names.CSRF(v.Str) && (credentialParams.MatchString(v.Str) || c.headers.MatchString(v.Str))
	case respmodel.IdentityContext, respmodel.IdentityLocal:
		return match(c.keys)
	}
	return false
}
