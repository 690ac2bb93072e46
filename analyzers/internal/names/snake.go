// Package names holds what the checks ask of Go and HTTP names: their
// words, to match against patterns of words (Snake), and whether one is
// an anti-CSRF token's (CSRF); and of Go types, whether one is a
// logger (Logger).
package names

import (
	"strings"
	"unicode"
)

// Snake returns name in lower snake case: "PasswordHash", "passwordHash"
// and "password-hash" all become "password_hash"; "TOTPSecret" becomes
// "totp_secret".
func Snake(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case r == '-' || r == ' ' || r == '.':
			r = '_'
		case unicode.IsUpper(r):
			prevLower := i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]))
			acronymEnd := i > 0 && unicode.IsUpper(rs[i-1]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || acronymEnd {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
