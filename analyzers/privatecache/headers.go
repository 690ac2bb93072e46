package privatecache

import (
	"go/ast"
	"strconv"
	"strings"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// cacheState is what a handler's header events say about caching.
type cacheState struct {
	private bool               // Cache-Control with private or no-store
	unknown bool               // a Cache-Control value computed at run time
	vary    bool               // Vary on Cookie or Authorization: the handler thought about caching
	stream  bool               // text/event-stream: an open stream, which no cache stores
	public  []*respmodel.Event // values that let a shared cache store the response (see storable)
	other   []*respmodel.Event // other constant Cache-Control values
	valid   []*respmodel.Event // ETag or Last-Modified: validators
}

func cacheHeaders(events []*respmodel.Event) cacheState {
	var cs cacheState
	for _, ev := range events {
		if ev.Kind != respmodel.SetHeader && ev.Kind != respmodel.AddHeader {
			continue
		}
		switch ev.Header {
		case "Cache-Control":
			if ev.Value.State != respmodel.Known {
				cs.unknown = true
				continue
			}
			switch d := directives(ev.Value.Str); {
			case d["private"] != "" || d["no-store"] != "":
				cs.private = true
			case storable(d) != "":
				cs.public = append(cs.public, ev)
			case len(d) > 0:
				cs.other = append(cs.other, ev)
			}
		case "Cdn-Cache-Control", "Surrogate-Control":
			// RFC 9213: a CDN obeys these instead of Cache-Control.
			if ev.Value.State == respmodel.Known {
				if d := directives(ev.Value.Str); d["private"] == "" && d["no-store"] == "" && storable(d) != "" {
					cs.public = append(cs.public, ev)
				}
			}
		case "Content-Type":
			if ev.Value.State == respmodel.Known && strings.HasPrefix(strings.ToLower(ev.Value.Str), "text/event-stream") {
				cs.stream = true
			}
		case "Etag", "Last-Modified":
			cs.valid = append(cs.valid, ev)
		case "Vary":
			if ev.Value.State != respmodel.Known {
				continue
			}
			for _, f := range strings.Split(strings.ToLower(ev.Value.Str), ",") {
				switch strings.TrimSpace(f) {
				case "cookie", "authorization", "*":
					cs.vary = true
				}
			}
		}
	}
	return cs
}

// storable returns the directive of a Cache-Control value without private
// or no-store that gives the response explicit freshness a cache acts on
// (RFC 9111 sections 3 and 5.2.2): public, s-maxage, or a positive
// max-age; or "".
func storable(d map[string]string) string {
	switch {
	case d["public"] != "":
		return "public"
	case d["s-maxage"] != "":
		return "s-maxage"
	}
	if v, ok := d["max-age"]; ok {
		if n, err := strconv.Atoi(strings.Trim(v, `"`)); err == nil && n > 0 {
			return "max-age"
		}
	}
	return ""
}

// refetched reports whether every constant Cache-Control value of a
// handler that says neither private nor no-store has a plain no-cache,
// and its bodies carry no validators (no ETag or Last-Modified, no file,
// which gets Last-Modified): a cache must then ask the server before
// each reuse (RFC 9111 section 5.2.2.4), and with nothing to compare,
// the server answers each user with that user's response.
func refetched(cc cacheState, bodies []*respmodel.Event) bool {
	if len(cc.valid) > 0 {
		return false
	}
	for _, b := range bodies {
		if b.Body == respmodel.BodyFile {
			return false
		}
	}
	for _, ev := range cc.other {
		if directives(ev.Value.Str)["no-cache"] != "no-cache" {
			return false
		}
	}
	return true
}

// setsCacheControl returns the first Cache-Control value with private or
// no-store among events, else the first public one that always applies
// (always(ev.Node()) reports whether it does), or "".
func setsCacheControl(events []*respmodel.Event, always func(ast.Node) bool) string {
	var public string
	for _, ev := range events {
		if (ev.Kind == respmodel.SetHeader || ev.Kind == respmodel.AddHeader) && ev.Header == "Cache-Control" &&
			ev.Value.State == respmodel.Known {
			switch v := ev.Value.Str; {
			case isPrivate(v):
				return v
			case public == "" && isPublic(v) && always(ev.Node()):
				public = v
			}
		}
	}
	return public
}

// isPrivate reports whether a Cache-Control value forbids shared caches
// to store the response.
func isPrivate(value string) bool {
	d := directives(value)
	return d["private"] != "" || d["no-store"] != ""
}

// isPublic reports whether a Cache-Control value lets shared caches store
// the response (see storable).
func isPublic(value string) bool {
	return value != "" && !isPrivate(value) && storable(directives(value)) != ""
}

// directives returns the directives of a Cache-Control value (RFC 9111
// section 5.2) by lower-case name: the argument, or the name again for a
// directive without one, so that every present directive is non-empty.
func directives(value string) map[string]string {
	d := make(map[string]string)
	for _, part := range strings.Split(value, ",") {
		name, arg, ok := strings.Cut(part, "=")
		if name = strings.ToLower(strings.TrimSpace(name)); name != "" {
			if arg = strings.TrimSpace(arg); !ok || arg == "" {
				arg = name
			}
			d[name] = arg
		}
	}
	return d
}

// privateValue rewrites a Cache-Control value so that only the user's
// browser may store the response: public, s-maxage and proxy-revalidate
// go, private comes first, and no-store is added when nothing else
// remains.
func privateValue(value string) string {
	kept := []string{"private"}
	for _, part := range strings.Split(value, ",") {
		part = strings.TrimSpace(part)
		name, _, _ := strings.Cut(part, "=")
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "", "public", "private", "s-maxage", "proxy-revalidate":
			continue
		}
		kept = append(kept, part)
	}
	if len(kept) == 1 {
		kept = append(kept, "no-store")
	}
	return strings.Join(kept, ", ")
}
