package respmodel

import (
	"regexp/syntax"
	"testing"
)

func TestSafePattern(t *testing.T) {
	for pattern, want := range map[string]bool{
		`^[a-zA-Z0-9_\-.]+$`:   true,
		`^[\w.-]*$`:            true,
		`\A[a-z]{1,32}\z`:      true,
		`^(csv|tsv)$`:          true,
		`^report-[0-9]+\.csv$`: true,
		`^a$|^b$`:              true,
		`^[a-z ]+$`:            true,
		`[a-z]+`:               false, // unanchored
		`^[a-z]+`:              false,
		`[a-z]+$`:              false,
		`^a|b$`:                false,
		`(?m)^[a-z]+$`:         false, // lines, not the text
		`^.+$`:                 false,
		`^[^"]+$`:              false,
		`^[a-z;]+$`:            false,
		`^[a-z"]+$`:            false,
		`^[\\a-z]+$`:           false,
		`^\s+$`:                false, // line breaks
		`^\pL+$`:               false, // non-ASCII letters
		`(?i)^[a-z]+$`:         false, // the Kelvin sign folds to k
		`(?i)^k$`:              false,
		`^[`:                   false,
	} {
		if got := safePattern(pattern, syntax.Perl); got != want {
			t.Errorf("safePattern(%q) = %v, want %v", pattern, got, want)
		}
	}
}
