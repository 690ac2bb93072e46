package flagx

import (
	"fmt"
	"slices"
	"strings"
)

// Funcs is a flag.Value holding a comma-separated list of functions named
// by import path: "example.com/app/mw.NoCache" for a function,
// "example.com/app/mw.Auth.Wrap" for a method of a named type.
type Funcs struct{ names map[string]bool }

func (f *Funcs) String() string {
	if f == nil {
		return ""
	}
	var out []string
	for n := range f.names {
		out = append(out, n)
	}
	slices.Sort(out)
	return strings.Join(out, ",")
}

// Set replaces the list; each name needs a package path and a dot.
func (f *Funcs) Set(s string) error {
	names := make(map[string]bool)
	for _, n := range strings.Split(s, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		slash := strings.LastIndex(n, "/")
		if dot := strings.Index(n[slash+1:], "."); dot <= 0 || strings.HasSuffix(n, ".") {
			return fmt.Errorf("%q is not of the form import/path.Func or import/path.Type.Method", n)
		}
		names[n] = true
	}
	f.names = names
	return nil
}

// Has reports whether the list names the function path.Name.
func (f *Funcs) Has(name string) bool { return f.names[name] }
