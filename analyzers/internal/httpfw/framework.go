package httpfw

import (
	"fmt"
	"maps"
	"sync"
)

// Framework names the library a response event goes through. Each
// framework's file declares its value; they are packed into facts, so a
// value, once given, is kept.
type Framework uint8

// A spec is what httpfw knows of one framework, from its file: its calls,
// the calls that decode request bodies, its response and cookie types,
// and what checks ask of it. Helpers of the standard library and of
// other packages have specs of framework 0, or of the framework they
// serve (fasthttp's calls are fiber v2's).
type spec struct {
	framework Framework
	name      string // in messages and output ("gin")
	path      string // the framework's package, "" for helpers
	calls     []row
	decoders  []decoder
	responses []responseType
	cookies   []cookieType
	info      Info
	router    Router
	// handlerParams are the types a net/http handler of the framework
	// takes after the request (httprouter's Params).
	handlerParams []typeName
	cors          []corsRow
}

// A typeName is a named type: its package path and name.
type typeName struct{ path, name string }

// specs lists every spec. Adding a framework is adding its file and its
// line here (docs/design.md).
func specs() []spec {
	return []spec{
		netHTTP(), stdlib(), httpsafe(), chi(), render(), mux(), gin(), echo(EchoV4), echo(EchoV5),
		fiber(FiberV2), fiber(FiberV3), fasthttp(), fiberSession(), fiberSessionStore(), sessions(),
		httprouter(), goZero(), hertz(), hertzProtocol(),
		rsCORS(), chiCORS(), ginCORS(), echoCORS(), fiberCORS(), handlersCORS(),
	}
}

// A registry indexes the specs, once per process: the model asks it about
// every call of every package it reads.
type registry struct {
	calls     map[string][]Call        // by function name
	decoders  map[string][]decodeEntry // by function name
	prefixes  []decodeEntry            // decoders named by a prefix
	responses []responseType
	cookies   []cookieType
	infos     map[Framework]Info
	names     map[Framework]string
	paths     map[string]Framework
	router    map[string]bool  // Router.Middleware of every spec
	methods   map[string]bool  // Router.Methods of every spec
	groups    map[string]bool  // Router.Groups of every spec
	next      map[string]bool  // Router.Next of every spec
	order     map[string]Order // Router.Order of every spec
	params    []typeName       // handlerParams of every spec
	routes    []RouteType      // Router.Routes of every spec
	cors      map[string]CORS  // CORS middleware constructors by full name
	corsNames map[string]bool  // and by name
}

var reg = sync.OnceValue(func() *registry { return index(specs()) })

// index builds the registry; a key listed twice, or a framework value
// given twice, is an error in the tables.
func index(specs []spec) *registry {
	r := &registry{
		calls:     make(map[string][]Call),
		decoders:  make(map[string][]decodeEntry),
		infos:     make(map[Framework]Info),
		names:     make(map[Framework]string),
		paths:     make(map[string]Framework),
		router:    make(map[string]bool),
		methods:   make(map[string]bool),
		groups:    make(map[string]bool),
		next:      make(map[string]bool),
		order:     make(map[string]Order),
		cors:      make(map[string]CORS),
		corsNames: make(map[string]bool),
	}
	seen := make(map[string]bool)
	for _, s := range specs {
		if s.path != "" {
			if r.names[s.framework] != "" {
				panic(fmt.Sprintf("httpfw: %s and %s are both framework %d", r.names[s.framework], s.name, s.framework))
			}
			r.names[s.framework], r.paths[s.path], r.infos[s.framework] = s.name, s.framework, s.info
		}
		for _, row := range s.calls {
			if seen[row.key] {
				panic("httpfw: " + row.key + " listed twice")
			}
			seen[row.key] = true
			c := row.call
			c.Framework = s.framework
			c.Path, c.Recv, c.Name = parseKey(row.key)
			r.calls[c.Name] = append(r.calls[c.Name], c)
		}
		for _, c := range s.cors {
			if seen[c.key] {
				panic("httpfw: " + c.key + " listed twice")
			}
			seen[c.key] = true
			r.cors[c.key] = c.cors
			_, _, name := parseKey(c.key)
			r.corsNames[name] = true
		}
		for _, m := range s.router.Middleware {
			r.router[m] = true
		}
		if s.router.Methods != "" {
			r.methods[s.router.Methods] = true
		}
		for _, g := range s.router.Groups {
			r.groups[g] = true
		}
		if s.router.Next != "" {
			r.next[s.router.Next] = true
		}
		maps.Copy(r.order, s.router.Order)
		r.params = append(r.params, s.handlerParams...)
		r.routes = append(r.routes, s.router.Routes...)
		for _, d := range s.decoders {
			r.addDecoder(d)
		}
		for _, t := range s.responses {
			t.framework = s.framework
			r.responses = append(r.responses, t)
		}
		for _, t := range s.cookies {
			t.framework = s.framework
			r.cookies = append(r.cookies, t)
		}
	}
	return r
}

func (f Framework) String() string {
	if name := reg().names[f]; name != "" {
		return name
	}
	return "unknown"
}

// Buffers reports whether f sends the whole response after the handler
// returns (Info.Buffers).
func (f Framework) Buffers() bool { return reg().infos[f].Buffers }

// Bases returns the packages every modelled framework serves HTTP
// through: net/http, fasthttp for fiber, and hertz's request context and
// protocol packages (hertz has its own server). A package that imports
// none of them, directly or not, cannot act on a response.
func Bases() []string { return []string{PathNetHTTP, pathFasthttp, pathHertzApp, pathHertzProtocol} }

// Package returns the framework whose package path is path, or 0.
func Package(path string) Framework { return reg().paths[path] }
