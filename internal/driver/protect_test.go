package driver

import (
	"errors"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestProtect(t *testing.T) {
	var nilMap map[string]int
	req := &analysis.Analyzer{Name: "req", Doc: "req", Run: func(*analysis.Pass) (any, error) {
		nilMap["x"] = 1 // a runtime panic
		return nil, nil
	}}
	a := &analysis.Analyzer{Name: "top", Doc: "top", Requires: []*analysis.Analyzer{req}, Run: func(*analysis.Pass) (any, error) {
		panic("boom")
	}}
	Prepare([]*analysis.Analyzer{a})
	pass := &analysis.Pass{Pkg: types.NewPackage("example.com/p", "p")}

	for _, tc := range []struct {
		a    *analysis.Analyzer
		want string
	}{
		{a, "internal error: analyzer top panicked on package example.com/p: boom (at "},
		{req, "internal error: analyzer req panicked on package example.com/p: assignment to entry in nil map (at "},
	} {
		_, err := tc.a.Run(pass)
		if _, ok := errors.AsType[*PanicError](err); !ok {
			t.Fatalf("%s: got error %v, want a *PanicError", tc.a.Name, err)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, tc.want) || !strings.Contains(msg, "protect_test.go:") {
			t.Errorf("%s: got %q, want %q... naming protect_test.go", tc.a.Name, msg, tc.want)
		}
	}
}
