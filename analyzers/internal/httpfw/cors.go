package httpfw

import "go/types"

// A CORS describes a CORS middleware that a call configures: where its
// settings are, and what the library does with them. Each library's row
// is read from its source at the version testdata/go.mod names.
type CORS struct {
	// Library names the library in messages ("rs/cors").
	Library string
	// Arg is the argument that holds the configuration struct; None
	// when the settings are calls of option functions among the
	// arguments (gorilla/handlers), named below by their full names.
	Arg int
	// Origins is the list of allowed origins: a []string, or a
	// comma-separated string when OriginsCSV. "*" in it allows every
	// origin.
	Origins    string
	OriginsCSV bool
	// Credentials is the bool that sends
	// Access-Control-Allow-Credentials: true.
	Credentials string
	// Funcs are the origin predicates; a predicate that always allows
	// allows every origin, and the library then answers with the
	// request's own origin.
	Funcs []OriginFunc
	// AllowAll is the bool that allows every origin, "" where there is
	// none; setting it beside origins or a predicate fails at start-up.
	AllowAll string
	// Unsafe is the bool that makes "*" with credentials reflect the
	// request's origin instead of sending "*".
	Unsafe string
	// EmptyAll: no origins and no predicate allow every origin.
	EmptyAll bool
	// Wildcards: a "*" in a listed origin matches any text there
	// ("https://*.example.com"), when the bool WildcardsOn is true or
	// is "".
	Wildcards   bool
	WildcardsOn string
	// Validates: a listed origin other than "*" that is not a URL with
	// a scheme and a host ("null") fails at start-up.
	Validates bool
	// Star is what every origin allowed with credentials does when
	// Unsafe is not set.
	Star Star
	// Defaults are the functions that return a configuration with no
	// origins and no credentials, to which fields are then assigned
	// (gin-contrib/cors's DefaultConfig).
	Defaults []string
}

// An OriginFunc is a setting that holds an origin predicate, and which
// of its results says the origin is allowed.
type OriginFunc struct {
	Name   string
	Result int
}

// Star is what a CORS library does when it allows every origin with
// credentials.
type Star uint8

const (
	// StarSent: it sends "Access-Control-Allow-Origin: *" with
	// "Access-Control-Allow-Credentials: true", which browsers refuse.
	StarSent Star = iota + 1
	// StarRefused: the configuration panics or fails at start-up.
	StarRefused
)

// A corsRow keys a CORS middleware constructor by its full name.
type corsRow struct {
	key  string
	cors CORS
}

// IsCORSMiddleware reports whether fn is a modelled CORS middleware
// constructor, at the cost of a map access for most functions.
func IsCORSMiddleware(fn *types.Func) bool {
	_, ok := CORSMiddleware(fn)
	return ok
}

// CORSMiddleware returns what a call of fn configures, if fn is a
// modelled CORS middleware constructor.
func CORSMiddleware(fn *types.Func) (CORS, bool) {
	if fn == nil || !reg().corsNames[fn.Name()] {
		return CORS{}, false
	}
	c, ok := reg().cors[fn.FullName()]
	return c, ok
}
