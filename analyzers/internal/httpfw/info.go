package httpfw

// Info is what the checks ask of a framework beyond what its calls do:
// the behaviour their messages quote and how their suggested fixes spell
// things in it. Formats take Go source text.
type Info struct {
	// SendsHeader says when the framework sends the header and what it
	// does with later changes; SecondStatus what it does with a second,
	// different status.
	SendsHeader, SecondStatus string
	// SameStatusSilent: a status equal to the one sent is dropped
	// without a word.
	SameStatusSilent bool
	// Buffers: the framework sends the whole response after the handler
	// returns, so nothing a handler does is ever late.
	Buffers bool
	// OwnRules: in a handler of the framework, calls on its net/http
	// writer (c.Writer, c.Response()) still follow its rules.
	OwnRules bool

	// SetHeader is the statement that sets a header on the response %[1]s:
	// name %[2]s, value %[3]s; "" for a framework with no handlers.
	SetHeader string
	// AddHeader is the statement that adds a value to a header of the
	// response %[1]s, keeping those it has: name %[2]s, value %[3]s.
	AddHeader string
	// Headerer is the expression of the response %s that has a Header()
	// http.Header method, as httpsafe's helpers take; "" where there is
	// none.
	Headerer string
	// Attachment is, if not "", the statement that marks the response %[1]s
	// an attachment, with the file name arguments %[2]s (possibly none):
	// preferred to setting Content-Disposition.
	Attachment string
	// FileAttachment turns a method that serves a file into the one that
	// serves it as an attachment with the file name as one more argument;
	// Download, into the one that serves it as an attachment with the same
	// arguments; DownloadConfig is the field that makes the config literal
	// in the second argument of the Download[0] method an attachment.
	FileAttachment, Download [2]string
	DownloadConfig           string
	// ExtraHeaders names a method that takes a map of headers to set in
	// its last argument.
	ExtraHeaders string
	// Middleware is the call that adds a middleware to router %[1]s that
	// sets a header with arguments %[3]s; %[2]s names the framework's
	// package, MiddlewarePkg ("" for the router's own package).
	Middleware, MiddlewarePkg string
	// MiddlewareImports are more packages Middleware names, by their
	// last element.
	MiddlewareImports []string
	// NoStoreHandler: the router's Use takes httpsafe.NoStoreHandler.
	NoStoreHandler bool
	// UseAny: the router's Use takes ...any, the framework's handlers
	// among them.
	UseAny bool

	// Cookie is how the framework writes the cookies set through it.
	Cookie CookieRules

	// Store names, in messages, a session store of the framework
	// ("gorilla/sessions store"), and StoreOptions the type of its
	// cookie options as code spells it ("sessions.Options"); "" for a
	// framework without session stores.
	Store, StoreOptions string
}

// CookieRules are the attributes a framework writes that a cookie does
// not say.
type CookieRules struct {
	// StructOnly: the rules apply to the framework's own cookie type
	// only, not to other cookies set through it.
	StructOnly bool
	// EmptyPath is the Path written for an absent or empty one.
	EmptyPath string
	// SameSiteString: SameSite is a string, written Lax when empty or
	// unrecognised and left out when "disabled".
	SameSiteString bool
	// SecureIfNone, SecureIfPartitioned: Secure is turned on for
	// SameSite=None, for a partitioned cookie.
	SecureIfNone, SecureIfPartitioned bool
	// SameSiteSetter is the context method that sets the SameSite of
	// the cookies set by positional arguments (gin's SetSameSite);
	// ArgsHint says how to turn an attribute (HttpOnly, Secure,
	// SameSite, Path) on for them.
	SameSiteSetter string
	ArgsHint       map[string]string
	// LaxMode is the package path and name of the constant for
	// SameSite=Lax, where it is not net/http's SameSiteLaxMode.
	LaxMode [2]string
	// Method is the response method that sets a cookie of the
	// framework's own type (OwnCookieType), which a fix calls in place
	// of a clear helper; "" for none.
	Method string
}

// Applies reports whether the rules apply to a cookie, own saying
// whether it is of the framework's cookie type.
func (r CookieRules) Applies(own bool) bool { return own || !r.StructOnly }

// Of returns what the checks ask of f. A framework with no handlers of
// its own, or none, has net/http's behaviour and no spellings.
func Of(f Framework) Info {
	in := reg().infos[f]
	if in.SendsHeader == "" {
		in.SendsHeader, in.SecondStatus = netHTTPInfo.SendsHeader, netHTTPInfo.SecondStatus
	}
	return in
}
