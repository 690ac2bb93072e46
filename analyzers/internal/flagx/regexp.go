// Package flagx holds flag types shared by resplint's analyzers.
package flagx

import "regexp"

// Regexp is a flag.Value holding a regular expression, validated when set.
type Regexp struct{ re *regexp.Regexp }

// NewRegexp returns a flag value with the default expression def, which
// must compile.
func NewRegexp(def string) *Regexp { return &Regexp{regexp.MustCompile(def)} }

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
	return nil
}

// MatchString reports whether s matches.
func (r *Regexp) MatchString(s string) bool { return r.re.MatchString(s) }
