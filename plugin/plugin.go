// Package plugin registers resplint with golangci-lint's module plugin
// system (github.com/golangci/plugin-module-register) as the linter
// "resplint", which runs every resplint analyzer.
//
// Build a golangci-lint that includes it with `golangci-lint custom` and a
// .custom-gcl.yml such as .custom-gcl.example.yml at the root of this
// repository, or, without access to GitHub, as a main package of your own
// that blank-imports this package, whose init registers the linter
// (docs/integrations.md, "Without access to GitHub"); and enable it as in
// .golangci.example.yml.
//
// The settings (linters.settings.custom.resplint.settings) mirror the
// analyzer flags of the resplint command: each key names an analyzer, and
// its value is either a boolean, like -NAME=bool, or a map from option to
// value, like -NAME.OPTION=value:
//
//	settings:
//	  cookieflags:
//	    names: "(?i)session|auth"   # -cookieflags.names=...
//	    all: true                   # -cookieflags.all=true
//	  directives: false             # -directives=false
//
// As with the flags, true for some analyzers runs only those. Keys match
// case-insensitively, since golangci-lint lower-cases them. An unknown
// analyzer or option, a value of the wrong type or a value the option
// rejects (such as a bad regular expression) is an error.
package plugin

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/resplint/resplint/analyzers"
	"github.com/resplint/resplint/internal/anaflags"
)

// Name is the name of the linter in golangci-lint's configuration.
const Name = "resplint"

func init() {
	register.Plugin(Name, New)
}

// New returns the plugin with the given settings, as golangci-lint passes
// them: nil, or a map from analyzer name to a boolean or a map of options.
func New(settings any) (register.LinterPlugin, error) {
	all := analyzers.All()
	fs := flag.NewFlagSet(Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	selection := anaflags.Define(fs, all)
	if err := apply(fs, all, settings); err != nil {
		return nil, fmt.Errorf("resplint settings: %w", err)
	}
	return &plugin{analyzers: selection.Selected()}, nil
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// apply sets the flags of fs that settings name.
func apply(fs *flag.FlagSet, all []*analysis.Analyzer, settings any) error {
	if settings == nil {
		return nil
	}
	byAnalyzer, err := register.DecodeSettings[map[string]any](settings)
	if err != nil {
		return errors.New("want a map from analyzer name to true, false or a map of its options")
	}
	names := make([]string, len(all))
	for i, a := range all {
		names[i] = a.Name
	}
	for _, key := range slices.Sorted(maps.Keys(byAnalyzer)) {
		i := slices.IndexFunc(names, func(name string) bool { return strings.EqualFold(name, key) })
		if i < 0 {
			return fmt.Errorf("unknown analyzer %q; the analyzers are %s", key, strings.Join(names, ", "))
		}
		if err := applyAnalyzer(fs, all[i], byAnalyzer[key]); err != nil {
			return err
		}
	}
	return nil
}

// applyAnalyzer applies the settings of analyzer a: a boolean that
// enables or disables it, or a map of its options.
func applyAnalyzer(fs *flag.FlagSet, a *analysis.Analyzer, value any) error {
	switch v := value.(type) {
	case bool:
		return fs.Set(a.Name, strconv.FormatBool(v))
	case map[string]any:
		var options []string
		a.Flags.VisitAll(func(f *flag.Flag) { options = append(options, f.Name) })
		for _, key := range slices.Sorted(maps.Keys(v)) {
			i := slices.IndexFunc(options, func(name string) bool { return strings.EqualFold(name, key) })
			if i < 0 {
				return fmt.Errorf("%s has no option %q; its options are %s", a.Name, key, strings.Join(options, ", "))
			}
			name := a.Name + "." + options[i]
			s, ok := scalar(v[key])
			if !ok {
				return fmt.Errorf("%s: want a string, number or boolean, not %v", name, v[key])
			}
			if err := fs.Set(name, s); err != nil {
				return fmt.Errorf("%s: invalid value %q: %v", name, s, err)
			}
		}
		return nil
	}
	return fmt.Errorf("%s: want true, false or a map of its options, not %v", a.Name, value)
}

// scalar returns the flag value that a decoded setting stands for.
func scalar(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case bool:
		return strconv.FormatBool(v), true
	case float64: // JSON numbers
		return strconv.FormatFloat(v, 'f', -1, 64), true
	}
	return "", false
}
