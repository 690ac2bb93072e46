package httpfw

import (
	"go/types"
	"strings"
)

// A decoder is a call that fills a value from JSON or a request body:
// argument arg is the value filled. A key ending in '*' names every
// function whose name has that prefix. Each framework's file lists its
// decoders.
type decoder struct {
	key string
	arg int
}

// A decodeEntry is a parsed decoder; name is a prefix for a key that
// ended in '*'.
type decodeEntry struct {
	path, recv, name string
	arg              int
}

// addDecoder adds d to the registry.
func (r *registry) addDecoder(d decoder) {
	path, recv, name := parseKey(d.key)
	e := decodeEntry{path, recv, name, d.arg}
	if prefix, ok := strings.CutSuffix(name, "*"); ok {
		e.name = prefix
		r.prefixes = append(r.prefixes, e)
	} else {
		r.decoders[name] = append(r.decoders[name], e)
	}
}

// DecodeArg returns the argument a call of obj with nargs arguments
// decodes into, if it is a decoding call.
func DecodeArg(obj types.Object, nargs int) (int, bool) {
	r := reg()
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
	for _, d := range r.decoders[name] {
		if match(d) {
			return d.arg, true
		}
	}
	for _, d := range r.prefixes {
		if strings.HasPrefix(name, d.name) && match(d) {
			return d.arg, true
		}
	}
	return 0, false
}
