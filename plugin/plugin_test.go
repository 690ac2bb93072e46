package plugin_test

import (
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/plugin"
)

// build returns the analyzers of the registered plugin with settings, as
// golangci-lint does.
func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin(plugin.Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", mode, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func names(as []*analysis.Analyzer) []string {
	var ns []string
	for _, a := range as {
		ns = append(ns, a.Name)
	}
	return ns
}

func option(t *testing.T, as []*analysis.Analyzer, analyzer, name string) string {
	t.Helper()
	for _, a := range as {
		if a.Name == analyzer {
			return a.Flags.Lookup(name).Value.String()
		}
	}
	t.Fatalf("no analyzer %s in %v", analyzer, names(as))
	return ""
}

func TestSelection(t *testing.T) {
	all := names(analyzers.All())
	for _, tc := range []struct {
		settings any
		want     []string
	}{
		{nil, all},
		{map[string]any{}, all},
		{map[string]any{"cookieflags": map[string]any{}}, all},
		{map[string]any{"cookieflags": false}, slices.DeleteFunc(slices.Clone(all), func(n string) bool { return n == "cookieflags" })},
		{map[string]any{"directives": true}, []string{"directives"}}, // true runs only those, like -NAME
		{map[string]any{"CookieFlags": false, "directives": false}, slices.DeleteFunc(slices.Clone(all), func(n string) bool { return n == "cookieflags" || n == "directives" })},
	} {
		got, err := build(t, tc.settings)
		if err != nil {
			t.Errorf("settings %v: %v", tc.settings, err)
			continue
		}
		if !slices.Equal(names(got), tc.want) {
			t.Errorf("settings %v: analyzers %v, want %v", tc.settings, names(got), tc.want)
		}
	}
}

func TestOptions(t *testing.T) {
	as, err := build(t, map[string]any{"cookieflags": map[string]any{"names": "^sid$", "ALL": true}})
	if err != nil {
		t.Fatal(err)
	}
	if got := option(t, as, "cookieflags", "names"); got != "^sid$" {
		t.Errorf("names = %q", got)
	}
	if got := option(t, as, "cookieflags", "all"); got != "true" {
		t.Errorf("all = %q", got)
	}
	// Each plugin has its own analyzers: the defaults are intact.
	as, err = build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := option(t, as, "cookieflags", "all"); got != "false" {
		t.Errorf("all = %q in a fresh plugin", got)
	}
}

// Every option of every analyzer is a setting: setting each to its
// default, in the form YAML gives it, is accepted.
func TestEveryFlagIsASetting(t *testing.T) {
	settings := make(map[string]any)
	for _, a := range analyzers.All() {
		opts := make(map[string]any)
		a.Flags.VisitAll(func(f *flag.Flag) {
			var v any = f.Value.String()
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				v = f.Value.String() == "true"
			}
			opts[f.Name] = v
		})
		settings[a.Name] = opts
	}
	if _, err := build(t, settings); err != nil {
		t.Fatalf("settings %v: %v", settings, err)
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"cookieflag": map[string]any{}}, `unknown analyzer "cookieflag"; the analyzers are cookieflags, `},
		{map[string]any{"cookieflags": map[string]any{"nmes": "x"}}, `cookieflags has no option "nmes"; its options are all, names`},
		{map[string]any{"cookieflags": map[string]any{"names": "("}}, "cookieflags.names: invalid value \"(\": error parsing regexp: missing closing ): `(`"},
		{map[string]any{"cookieflags": map[string]any{"all": "maybe"}}, `cookieflags.all: invalid value "maybe"`},
		{map[string]any{"cookieflags": map[string]any{"names": []any{"a", "b"}}}, "cookieflags.names: want a string, number or boolean"},
		{map[string]any{"cookieflags": "yes"}, "cookieflags: want true, false or a map of its options"},
		{[]any{"cookieflags"}, "want a map from analyzer name to true, false or a map of its options"},
	} {
		_, err := build(t, tc.settings)
		if err == nil || !strings.HasPrefix(err.Error(), "resplint settings: ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("settings %v: error %v, want one containing %q", tc.settings, err, tc.want)
		}
	}
}
