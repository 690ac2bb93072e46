// Package flagx holds flag types shared by resplint's analyzers.
package flagx

import (
	"regexp"
	"sync"
	"sync/atomic"
)

// Regexp is a flag.Value holding a regular expression, validated when set.
//
// It remembers what it matched: analyzers ask about the same names (field
// names, package paths) in every package, and the backtracking matcher
// costs a microsecond or more a call.
type Regexp struct {
	re      *regexp.Regexp
	matched sync.Map // string -> bool
	entries atomic.Int32
}

// maxMemo bounds how many strings a Regexp remembers.
const maxMemo = 1 << 16

// NewRegexp returns a flag value with the default expression def, which
// must compile.
func NewRegexp(def string) *Regexp { return &Regexp{re: regexp.MustCompile(def)} }

func (r *Regexp) String() string {
	if r == nil || r.re == nil {
		return ""
	}
	return r.re.String()
}

// Set compiles s; a bad expression is an error naming it.
func (r *Regexp) Set(s string) error {
	re, err := regexp.Compile(s)
	if err != nil {
		return err
	}
	r.re = re
	r.matched.Clear()
	r.entries.Store(0)
	return nil
}

// MatchString reports whether s matches.
func (r *Regexp) MatchString(s string) bool {
	if v, ok := r.matched.Load(s); ok {
		return v.(bool)
	}
	v := r.re.MatchString(s)
	if r.entries.Add(1) <= maxMemo {
		r.matched.Store(s, v)
	}
	return v
}
