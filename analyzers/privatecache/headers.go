package privatecache

import (
	"strings"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
)

// cacheState is what a handler's header events say about caching.
type cacheState struct {
	private bool               // Cache-Control with private or no-store
	unknown bool               // a Cache-Control value computed at run time
	vary    bool               // Vary on Cookie or Authorization: the handler thought about caching
	public  []*respmodel.Event // Cache-Control with public or s-maxage
	other   []*respmodel.Event // other constant Cache-Control values
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
			case d["private"] || d["no-store"]:
				cs.private = true
			case d["public"] || d["s-maxage"]:
				cs.public = append(cs.public, ev)
			case len(d) > 0:
				cs.other = append(cs.other, ev)
			}
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

// setsPrivate returns a Cache-Control value with private or no-store
// among events, or "".
func setsPrivate(events []*respmodel.Event) string {
	for _, ev := range events {
		if (ev.Kind == respmodel.SetHeader || ev.Kind == respmodel.AddHeader) && ev.Header == "Cache-Control" &&
			ev.Value.State == respmodel.Known {
			if d := directives(ev.Value.Str); d["private"] || d["no-store"] {
				return ev.Value.Str
			}
		}
	}
	return ""
}

// directives returns the lower-case directive names of a Cache-Control
// value (RFC 9111 section 5.2).
func directives(value string) map[string]bool {
	d := make(map[string]bool)
	for _, part := range strings.Split(value, ",") {
		name, _, _ := strings.Cut(part, "=")
		if name = strings.ToLower(strings.TrimSpace(name)); name != "" {
			d[name] = true
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
