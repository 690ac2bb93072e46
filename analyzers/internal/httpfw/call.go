package httpfw

import (
	"fmt"
	"go/types"
	"strings"
)

// An Op is what a framework call does to the response or the request.
type Op uint8

const (
	SetCookie   Op = iota + 1 // Arg: the cookie
	CookieArgs                // a cookie given as arguments (gin's SetCookie)
	SetSameSite               // gin's SetSameSite, read by later SetCookie calls
	HeaderSet                 // Arg: name, Arg+1: value
	HeaderAdd
	HeaderDel
	Status   // Arg: the status code
	Body     // Arg: the body; Status: the status, if any
	Redirect // Arg: the status code, if any
	Error    // an error response; Status: its status, if any
	// Identity reads; Arg: the cookie name, header name or key read, -1
	// when there is none.
	ReadCookie
	ReadHeader
	BasicAuth
	ReadContext
	ReadLocal
	ReadSession
	ReadBody // the request body; Arg: the reader, -1 for a method of the request
	// WriterResult returns the response as an io.Writer.
	WriterResult
	// Body writes through an io.Writer that is the response; Arg: the
	// writer.
	WriterBody
	Encode      // an encoder or writer created on the response writes Arg (-1: none)
	CacheHelper // sets Cache-Control on the response in Arg
	// Calls that describe a download.
	ContentType // Arg: the media type
	TypeExt     // fiber's Type: Arg: the extension, Arg+1: the charset
	Attachment  // fiber's Attachment: Arg: the file name, if any
	CSV         // csv.NewWriter: Arg: the writer
	// Sending what is buffered.
	Flush       // sends the header and anything buffered
	SessionSave // writes a session's cookie to the response in Arg
	Delegate    // runs another handler on the response (Arg, -1: the receiver)
	// ClearCookie deletes the cookies named by its arguments from Arg on
	// (fiber's ClearCookie), writing no Path, Domain or flags.
	ClearCookie
	// StoreValue stores a value for the handlers that follow, under the
	// key in Arg: gin's, echo's and hertz's c.Set, context.WithValue.
	// fiber's Locals stores when given a value (see StoredKey).
	StoreValue
	// ReadQuery reads a query parameter or form value, an identity
	// read when it carries a credential (?api_key=); Arg: its name.
	ReadQuery
	// NewSession makes a session whose cookie Options are empty,
	// whatever its store's defaults; Arg: the store.
	NewSession
	// Abort stops the handler chain: a later Next on the context runs
	// no handler (gin's and hertz's Abort). Calls that also answer say
	// so with Call.Aborts.
	Abort
)

// StoredKey returns the argument that holds the key of a call of c with
// nargs arguments that stores a request or context value: c.Set(key, v),
// context.WithValue(ctx, key, v), and fiber's Locals(key, v), whose
// one-argument form reads.
func StoredKey(c Call, nargs int) (int, bool) {
	switch {
	case c.Op == StoreValue && c.Arg < nargs:
		return c.Arg, true
	case c.StoresWithValue && nargs > c.Arg+1:
		return c.Arg, true
	}
	return 0, false
}

// BodyKind says what a body write sends.
type BodyKind uint8

const (
	BodyBytes BodyKind = iota + 1
	BodyString
	BodyJSON
	BodyTemplate
	BodyFile
	BodyStream
	BodyCSV
	BodyOther
)

// None is the Arg or Status of a call that has no such argument.
const None = -1

// A Call is what one function or method does: its Op, which argument
// carries what, and, for a body, its kind.
type Call struct {
	Op     Op
	Arg    int
	Body   BodyKind
	Status int // the argument that carries the status, or None
	// How far a call takes the response (see respmodel's Stage): a body
	// call that Streams writes part of a body, after which more may
	// follow, and one that StreamsUnset does so when given no status (a
	// constant <= 0); a status call that Records only records the
	// status, sent with the first write; an Interim one may send a 1xx
	// status at once and keep the header open.
	Streams, StreamsUnset, Records, Interim bool
	// OnlyOn is, for a method of a type that others embed, the type
	// ("path.Name") the call counts on: fasthttp's header methods are
	// those of RequestHeader and ResponseHeader alike.
	OnlyOn string
	// Header is, for a header call that names no header, the one it
	// sets; its value is then argument Arg.
	Header string
	// ArgFields names, for a CookieArgs call, the cookie field each
	// argument sets, in order.
	ArgFields []string
	// ContextSameSite: a SetCookie call through the framework's context,
	// whose SameSite (set by a SetSameSite call) replaces an explicit
	// http.SameSiteDefaultMode.
	ContextSameSite bool
	// BindsAll: a body read that may also fill its one argument from
	// the path and the query, and so counts only into a type that
	// BindsOnlyBody.
	BindsAll bool
	// StoresWithValue: a read that stores when given a value after its
	// key (fiber's Locals(key, value)).
	StoresWithValue bool
	// Aborts: the call also stops the handler chain, as Abort does
	// (gin's AbortWithStatus).
	Aborts bool
	// Implies lists the headers a body call sets itself before it
	// writes; nil for most.
	Implies *Implies

	Framework        Framework // its spec's; 0 for the standard library's writers and helpers
	Path, Recv, Name string    // from the key: package, receiver type ("" for a function), name
}

// do is a call with op on argument arg.
func do(op Op, arg int) Call { return Call{Op: op, Arg: arg, Status: None} }

// body is a body write of kind k, whose body is argument arg.
func body(k BodyKind, arg int) Call { return Call{Op: Body, Arg: arg, Body: k, Status: None} }

// status returns c with its status in argument i.
func (c Call) status(i int) Call { c.Status = i; return c }

// stream, streamUnset, record and interim return c with that flag set.
func (c Call) stream() Call      { c.Streams = true; return c }
func (c Call) streamUnset() Call { c.StreamsUnset = true; return c }
func (c Call) record() Call      { c.Records = true; return c }
func (c Call) interim() Call     { c.Interim = true; return c }

// storesWithValue returns c, a read, storing when given a value.
func (c Call) storesWithValue() Call { c.StoresWithValue = true; return c }

// aborts returns c stopping the handler chain too.
func (c Call) aborts() Call { c.Aborts = true; return c }

// Implies says which headers a body call sets itself.
type Implies struct {
	// ContentType is the argument that holds the Content-Type, or None;
	// FixedType a Content-Type the call always sets.
	ContentType int
	FixedType   string
	// Headers is the argument that holds a map of more headers, or None.
	Headers int
	// Disposition is "attachment" or "inline" for a call that sets
	// Content-Disposition, with the file name in argument FileName (None:
	// no name); a call that BaseNames names it after the base name of the
	// file in argument 0 unless given a name. A call with a Config field
	// sets it only when that bool field of the config literal in its
	// second argument is true (or cannot be followed).
	Disposition string
	FileName    int
	BaseName    bool
	Config      string
}

// contentType returns c setting the Content-Type in argument arg.
func (c Call) contentType(arg int) Call {
	c.Implies = &Implies{ContentType: arg, Headers: None, FileName: None}
	return c
}

// disposition returns c setting Content-Disposition typ with the file
// name in argument name.
func (c Call) disposition(typ string, name int) Call {
	c.Implies = &Implies{ContentType: None, Headers: None, Disposition: typ, FileName: name}
	return c
}

// A row keys a call by its function's full name, as types.Func.FullName
// prints it: "net/http.SetCookie",
// "(*github.com/gin-gonic/gin.Context).SetCookie",
// "(github.com/labstack/echo/v4.Context).JSON". A package variable of
// function type is keyed as a function.
type row struct {
	key  string
	call Call
}

// on returns the rows of the methods names of each receiver in recvs
// ("*path.T" or "path.T"), all doing c.
func on(recvs []string, names []string, c Call) []row {
	var rows []row
	for _, r := range recvs {
		for _, n := range names {
			rows = append(rows, row{"(" + r + ")." + n, c})
		}
	}
	return rows
}

// parseKey splits a full name into package path, receiver type name and
// function name.
func parseKey(key string) (path, recv, name string) {
	if rest, ok := strings.CutPrefix(key, "("); ok {
		t, n, ok := strings.Cut(rest, ").")
		if !ok {
			panic(fmt.Sprintf("httpfw: bad key %q", key))
		}
		t = strings.TrimPrefix(t, "*")
		dot := strings.LastIndex(t, ".")
		return t[:dot], t[dot+1:], n
	}
	dot := strings.LastIndex(key, ".")
	return key[:dot], "", key[dot+1:]
}

// HasOp reports whether some modelled function named name does op: a
// cheap test before looking a call up.
func HasOp(name string, op Op) bool {
	for _, c := range reg().calls[name] {
		if c.Op == op {
			return true
		}
	}
	return false
}

// Lookup returns what a call of obj does, if it is a modelled function,
// method or package variable of function type. Receivers match through
// a pointer.
func Lookup(obj types.Object) (Call, bool) {
	cs := reg().calls[obj.Name()]
	if len(cs) == 0 {
		return Call{}, false
	}
	path, recv := PkgPath(obj), ""
	if fn, ok := obj.(*types.Func); ok {
		recv = RecvName(fn)
	}
	for _, c := range cs {
		if c.Path == path && c.Recv == recv {
			return c, true
		}
	}
	return Call{}, false
}

// StopsChain reports whether a call of obj stops the handler chain, so
// that a later Next on the context runs no handler.
func StopsChain(obj types.Object) bool {
	c, ok := Lookup(obj)
	return ok && (c.Op == Abort || c.Aborts)
}

// kind returns c with body kind k.
func (c Call) kind(k BodyKind) Call { c.Body = k; return c }
