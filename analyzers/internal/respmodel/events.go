package respmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resplint/resplint/analyzers/internal/edit"
	"github.com/resplint/resplint/analyzers/internal/httpfw"
	"github.com/resplint/resplint/analyzers/internal/jsonvalue"
)

// Kind is the kind of a response event.
type Kind uint8

const (
	SetHeader Kind = iota + 1
	AddHeader
	DelHeader
	SetCookie
	WriteStatus
	WriteBody
	Redirect
	Error
	ReadIdentity
	// ReadBody: the request's body is read (decoded, parsed as a form,
	// a file taken from it), which requests for GET do not have.
	ReadBody
	// Flush sends the status line, the header and any buffered body.
	Flush
	// Delegate hands the response to another handler (next.ServeHTTP(w,
	// r), gin's c.Next()), which normally writes it.
	Delegate
)

var kindNames = [...]string{
	SetHeader: "set header", AddHeader: "add header", DelHeader: "delete header",
	SetCookie: "set cookie", WriteStatus: "write status", WriteBody: "write body",
	Redirect: "redirect", Error: "error", ReadIdentity: "read identity", ReadBody: "read body",
	Flush: "flush", Delegate: "delegate",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// BodyKind says what a body write sends.
type BodyKind = httpfw.BodyKind

const (
	BodyBytes    = httpfw.BodyBytes
	BodyString   = httpfw.BodyString
	BodyJSON     = httpfw.BodyJSON
	BodyTemplate = httpfw.BodyTemplate
	BodyFile     = httpfw.BodyFile
	BodyStream   = httpfw.BodyStream
	BodyCSV      = httpfw.BodyCSV
	BodyOther    = httpfw.BodyOther
)

// An Event is one thing a function does to its response (or, for
// ReadIdentity, one way it learns who the user is). Events are
// gob-encodable; their syntax is kept unexported. A framework call that
// sets headers itself (gin's Data, echo's Attachment, fiber's Download)
// gives those header events first, then its body.
type Event struct {
	Kind      Kind
	Framework httpfw.Framework
	// Header is the canonical header name for header events; "" for
	// headers the model cannot name (gin's DataFromReader with a computed
	// extraHeaders map).
	Header string
	// Value is the header value, status code, or identity key.
	Value Value
	// File is, for a BodyFile write, the path or name of the file served,
	// whose extension gives its Content-Type; nil for other events (a
	// pointer: most events have none).
	File   *Value
	Cookie *Cookie
	Body   BodyKind
	// Identity is where a ReadIdentity event reads from.
	Identity Identity
	// JSON is the serialised value of a BodyJSON event.
	JSON *jsonvalue.Value
	// Via names the helper ("pkg.Func") through which the event happens,
	// when the function calls a helper that acts on its response.
	Via string
	// Reader names, for an identity read through helpers, the helper
	// whose own code reads: the innermost, where Via is the outermost.
	Reader string
	// Stage is the stage the event takes the response to in its
	// framework (see Stage); Open for events that only change it.
	Stage Stage
	// Before is the least stage the response is at when the event
	// happens, along the paths from the function's entry: Open if some
	// path reaches it with nothing sent. For an event of a helper it is
	// the helper's, raised by the caller's own path to the call.
	Before Stage

	// headerParam is, for a helper's header event whose name its caller
	// gives (setHeader(w, key, value)), 1 + the index of that parameter;
	// 0 otherwise. Header is "" until a call names it.
	headerParam int32

	call    *ast.CallExpr
	node    ast.Node // what the event is reported at: call, or a literal
	generic *Cookie
	helper  *Event // the helper's own event, for an event through a helper
	always  bool   // see Always
	bodyTyp types.Type
	sentBy  *Event // see SentBy
	doneBy  *Event // see DoneBy
	lastBy  *Event // see LastDoneBy
	liveBy  *Event // see SentOpenBy
	callEnd Stage  // see CallStage
}

// Generic returns, for a cookie set through a helper, the cookie as the
// helper alone determines it (its arguments unknown), or nil. A finding
// that holds for it is reported in the helper, not at each call.
func (e *Event) Generic() *Cookie { return e.generic }

// Helper returns, for an event that happens through a helper, the event
// as the helper alone determines it (its arguments unknown), or nil.
func (e *Event) Helper() *Event { return e.helper }

// Always reports, for a status event, whether it happens on every path
// through the function it belongs to (and, through a helper, on every
// path through the helper too).
func (e *Event) Always() bool { return e.always }

// Call returns the call in the analysed function that causes the event:
// the framework call itself or the call of a helper; nil for an
// assignment to the response's header map.
func (e *Event) Call() *ast.CallExpr { return e.call }

// Node returns the syntax the event happens at: its call or, for
// gorilla/sessions options, the Options literal.
func (e *Event) Node() ast.Node { return e.node }

// Pos returns the position of the event's syntax.
func (e *Event) Pos() token.Pos {
	if e.node == nil {
		return token.NoPos
	}
	return e.node.Pos()
}

// BodyType is the static type of the value a JSON body serialises.
func (e *Event) BodyType() types.Type { return e.bodyTyp }

// A Func is a function or function literal and its events in source order.
type Func struct {
	Node    ast.Node // *ast.FuncDecl or *ast.FuncLit
	Handler httpfw.Framework
	Events  []*Event
	// Wrapped are the JSON bodies written by the closures that the
	// wrappers it calls return, with the functions it passes them
	// (wrapped.go).
	Wrapped []*Event
}

// FuncBody returns the body of a function declaration or literal, or nil.
func FuncBody(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// FuncType returns the type of a function declaration or literal, or nil.
func FuncType(fn ast.Node) *ast.FuncType {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Type
	case *ast.FuncLit:
		return fn.Type
	}
	return nil
}

// Result is what the model computes for one package.
type Result struct {
	Funcs []*Func
	// Package holds events outside any function, such as a session store
	// created in a package-level variable declaration.
	Package []*Event
	// Decoded lists the types the package decodes JSON or request bodies
	// into, directly or through its own helpers; a nil entry is a decode
	// whose target type is unknown.
	Decoded []types.Type
	// Inspector is inspect.Analyzer's inspector of the package's files,
	// or nil for a package that cannot act on a response, so that checks
	// that run on dependencies for facts (privatecache) skip those.
	Inspector *inspector.Inspector

	sources *edit.Sources                 // of the package's files, for fixes (see File)
	funcs   map[ast.Node]inspector.Cursor // the package's functions (see InspectBody)
}

// File returns the file at pos for a fix, its source read once per
// package whichever checks ask (see edit.Sources). pass is the pass of a
// check that requires Analyzer.
func File(pass *analysis.Pass, pos token.Pos) *edit.File {
	if res, ok := pass.ResultOf[Analyzer].(*Result); ok && res.sources != nil {
		return res.sources.ForPos(pos)
	}
	return edit.NewSources(pass).ForPos(pos)
}

// InTestFile reports whether pos is in a _test.go file. Checks do not
// report there: test servers and fixtures are not what users ship.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	return strings.HasSuffix(fset.File(pos).Name(), "_test.go")
}

// Cookies returns every cookie event of the package.
func (r *Result) Cookies() []*Event {
	var out []*Event
	for _, f := range r.Funcs {
		for _, e := range f.Events {
			if e.Kind == SetCookie {
				out = append(out, e)
			}
		}
	}
	for _, e := range r.Package {
		if e.Kind == SetCookie {
			out = append(out, e)
		}
	}
	return out
}

// maxEvents bounds the events of one function's summary. A summary holds
// its callees' events at each call, so a deep graph of helpers calling
// helpers could otherwise grow without bound; no real handler comes near.
const maxEvents = 4096

// distinctReads returns events with only the first read of the request
// of each kind and value: in a function that receives no response, reads
// are all that matters, and a graph of helpers that each read the same
// context value (kin-openapi's Validate methods, which read their options
// from the context and call each other) would otherwise repeat that read
// once per path through the graph.
func distinctReads(events []*Event) []*Event {
	type read struct {
		kind  Kind
		value string
	}
	seen := make(map[read]bool)
	return slices.DeleteFunc(events, func(ev *Event) bool {
		if ev.Kind != ReadIdentity && ev.Kind != ReadBody {
			return false
		}
		v := ev.Value
		k := read{ev.Kind, fmt.Sprint(v.State, v.Bool, v.Str, v.Int, v.Param, v.Hint, v.Template(), v.HoleParams())}
		if seen[k] {
			return true
		}
		seen[k] = true
		return false
	})
}
