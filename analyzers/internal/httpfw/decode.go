package httpfw

import (
	"go/types"
	"strings"
	"sync"
)

// A decoder is a call that fills a value from JSON or a request body:
// argument arg is the value filled. A key ending in '*' names every
// function whose name has that prefix.
type decoder struct {
	key string
	arg int
}

// decoders lists the calls that decode request bodies, at the versions in
// framework.go: encoding/json; gin's Bind*, ShouldBind* and MustBindWith
// (context.go); echo v4's and v5's Context.Bind and DefaultBinder
// (bind.go); fiber v2's BodyParser (ctx.go) and v3's Bind().Body, JSON
// and All (bind.go); chi render's Bind, DecodeJSON, DefaultDecoder and
// the Decode variable (decoder.go, render.go).
func decoders() []decoder {
	return []decoder{
		{"encoding/json.Unmarshal", 1},
		{"(*encoding/json.Decoder).Decode", 0},
		{"(*" + PathGin + ".Context).Bind*", 0},
		{"(*" + PathGin + ".Context).ShouldBind*", 0},
		{"(*" + PathGin + ".Context).MustBindWith", 0},
		{"(" + PathEchoV4 + ".Context).Bind", 0},
		{"(*" + PathEchoV4 + ".DefaultBinder).Bind", 0},
		{"(*" + PathEchoV4 + ".DefaultBinder).BindBody", 1},
		{"(*" + PathEchoV5 + ".Context).Bind", 0},
		{"(*" + PathEchoV5 + ".DefaultBinder).Bind", 1},
		{PathEchoV5 + ".BindBody", 1},
		{"(*" + PathFiberV2 + ".Ctx).BodyParser", 0},
		{"(*" + PathFiberV3 + ".Bind).Body", 0},
		{"(*" + PathFiberV3 + ".Bind).JSON", 0},
		{"(*" + PathFiberV3 + ".Bind).All", 0},
		{PathRender + ".Bind", 1},
		{PathRender + ".DecodeJSON", 1},
		{PathRender + ".DefaultDecoder", 1},
		{PathRender + ".Decode", 1}, // a package variable
	}
}

// A decodeEntry is a parsed decoder; name is a prefix for a key that
// ended in '*'.
type decodeEntry struct {
	path, recv, name string
	arg              int
}

// decodeIndex holds the decoders by name, and those named by a prefix:
// every call of a package is asked about.
var decodeIndex = sync.OnceValues(func() (map[string][]decodeEntry, []decodeEntry) {
	byName := make(map[string][]decodeEntry)
	var prefixes []decodeEntry
	for _, d := range decoders() {
		path, recv, name := parseKey(d.key)
		e := decodeEntry{path, recv, name, d.arg}
		if prefix, ok := strings.CutSuffix(name, "*"); ok {
			e.name = prefix
			prefixes = append(prefixes, e)
		} else {
			byName[name] = append(byName[name], e)
		}
	}
	return byName, prefixes
})

// DecodeArg returns the argument a call of obj with nargs arguments
// decodes into, if it is a decoding call.
func DecodeArg(obj types.Object, nargs int) (int, bool) {
	byName, prefixes := decodeIndex()
	name := obj.Name()
	var path, recv string // of a call whose name matches, once known
	known := false
	match := func(d decodeEntry) bool {
		if d.arg >= nargs {
			return false
		}
		if !known {
			if fn, ok := obj.(*types.Func); ok {
				recv = RecvName(fn)
			}
			path, known = PkgPath(obj), true
		}
		return d.path == path && d.recv == recv
	}
	for _, d := range byName[name] {
		if match(d) {
			return d.arg, true
		}
	}
	for _, d := range prefixes {
		if strings.HasPrefix(name, d.name) && match(d) {
			return d.arg, true
		}
	}
	return 0, false
}
