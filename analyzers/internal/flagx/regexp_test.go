package flagx

import (
	"strconv"
	"testing"
)

// A new expression forgets what the old one matched.
func TestRegexpSetForgets(t *testing.T) {
	r := NewRegexp(`^pass`)
	if !r.MatchString("password") || r.MatchString("token") {
		t.Fatal("default expression matched wrongly")
	}
	if err := r.Set(`^tok`); err != nil {
		t.Fatal(err)
	}
	if r.MatchString("password") || !r.MatchString("token") {
		t.Errorf("after Set(%q): password %v, token %v", r, r.MatchString("password"), r.MatchString("token"))
	}
	if err := r.Set("("); err == nil || r.String() != "^tok" {
		t.Errorf("a bad expression was accepted or replaced %q", r)
	}
}

// Past maxMemo strings, matches are still right.
func TestRegexpMemoBound(t *testing.T) {
	r := NewRegexp(`7$`)
	for i := range maxMemo + 10 {
		s := strconv.Itoa(i)
		if got, want := r.MatchString(s), i%10 == 7; got != want {
			t.Fatalf("MatchString(%q) = %v", s, got)
		}
	}
}
