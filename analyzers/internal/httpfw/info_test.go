package httpfw

import (
	"fmt"
	"strings"
	"testing"
)

// TestInfo checks that every framework whose handlers receive a response
// says how its fixes spell things, and that each spelling takes the
// arguments the checks give it.
func TestInfo(t *testing.T) {
	for _, s := range specs() {
		handlers := false
		for _, r := range s.responses {
			handlers = handlers || r.param
		}
		if !handlers {
			continue
		}
		in := Of(s.framework)
		if in.SetHeader == "" || in.Middleware == "" {
			t.Errorf("%s: handlers but no SetHeader or Middleware", s.name)
		}
		for _, f := range []struct {
			name, format string
			args         []any
		}{
			{"SetHeader", in.SetHeader, []any{"w", `"Name"`, `"value"`}},
			{"Headerer", in.Headerer, []any{"w"}},
			{"Attachment", in.Attachment, []any{"w", `"f.csv"`}},
			{"Middleware", in.Middleware, []any{"r", "pkg", `"Name", "value"`}},
		} {
			if f.format == "" {
				continue
			}
			if got := fmt.Sprintf(f.format, f.args...); strings.Contains(got, "%!") {
				t.Errorf("%s: %s %q gives %q", s.name, f.name, f.format, got)
			}
		}
	}
}
