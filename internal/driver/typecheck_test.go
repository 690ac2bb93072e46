package driver

import (
	"slices"
	"sync/atomic"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// On a machine that never built the module, every dependency is read from
// source; those the analyzers do not need are type-checked for their
// types alone and not analysed.
func TestTypesOnlyDependencies(t *testing.T) {
	files := map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.22\n",
		"app.go": `package app

import (
	"net/http"
	"strings"

	"example.com/app/needed"
	"example.com/app/plain"
)

func handle(w http.ResponseWriter, r *http.Request) {
	needed.WriteJSON(w, strings.ToUpper(plain.Name()))
}
`,
		"needed/needed.go": "package needed\n\nimport \"net/http\"\n\nfunc WriteJSON(w http.ResponseWriter, v any) {}\n",
		"plain/plain.go":   "package plain\n\nfunc Name() string { return \"x\" }\n\nfunc WriteNothing() {}\n",
	}
	writeModule(t, files)
	t.Setenv("GOCACHE", t.TempDir())
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("RESPLINT_CACHE", "off")

	runs := map[string]*atomic.Int32{}
	for _, path := range []string{"example.com/app", "example.com/app/needed", "example.com/app/plain", "strings", "net/http"} {
		runs[path] = new(atomic.Int32)
	}
	a := newWriterAnalyzer(runs)
	Prepare([]*analysis.Analyzer{a})
	cfg := Config{Sources: func(p *packages.Package) bool { return p.PkgPath == "example.com/app/needed" }}
	res, err := Analyze([]*analysis.Analyzer{a}, []string{"."}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Broken) > 0 {
		t.Fatalf("broken packages: %+v", res.Broken[0])
	}
	var got []string
	for _, d := range res.Diagnostics() {
		got = append(got, d.Message)
	}
	if want := []string{"calls writer WriteJSON"}; !slices.Equal(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	for path, want := range map[string]int32{"example.com/app": 1, "example.com/app/needed": 1, "example.com/app/plain": 0, "strings": 0, "net/http": 0} {
		if got := runs[path].Load(); got != want {
			t.Errorf("the analyzer ran %d times on %s, want %d", got, path, want)
		}
	}
}
