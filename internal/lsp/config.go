package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// A config is what the settings select: the analyzers to run, with their
// flags set, and how to load packages.
type config struct {
	analyzers  []*analysis.Analyzer
	tests      bool
	buildFlags []string
}

// configure applies settings, each a JSON object or null, in order, to a
// fresh set of analyzers. The keys mirror the command's flags:
//
//	"tests": false             -test=false
//	"tags": "a,b"              -tags=a,b
//	"buildFlags": ["-x"]       build flags for go list
//	"enable": ["NAME"]         -NAME: run only the analyzers so named
//	"disable": ["NAME"]        -NAME=false
//	"NAME": true or false      -NAME, -NAME=false
//	"NAME": {"FLAG": value}    -NAME.FLAG=value
//
// A later setting overrides an earlier one. Problems (an unknown key, a
// bad value) are returned as messages; the rest of the settings applies.
func configure(fresh []*analysis.Analyzer, settings ...json.RawMessage) (*config, []string) {
	cfg := &config{tests: true}
	var problems []string
	enabled := make(map[string]bool) // absent: not set
	var tags string
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range fresh {
		byName[a.Name] = a
	}
	setEnabled := func(key string, names []string, on bool) {
		for _, n := range names {
			if byName[n] == nil {
				problems = append(problems, fmt.Sprintf("%s: unknown analyzer %q", key, n))
				continue
			}
			enabled[n] = on
		}
	}
	for _, raw := range settings {
		if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
			continue
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			problems = append(problems, fmt.Sprintf("settings are not a JSON object: %v", err))
			continue
		}
		for _, key := range slices.Sorted(maps.Keys(obj)) {
			val := obj[key]
			bad := func(err error) {
				problems = append(problems, fmt.Sprintf("%s: %v", key, err))
			}
			switch key {
			case "tests":
				if err := json.Unmarshal(val, &cfg.tests); err != nil {
					bad(err)
				}
			case "tags":
				if err := json.Unmarshal(val, &tags); err != nil {
					bad(err)
				}
			case "buildFlags":
				if err := json.Unmarshal(val, &cfg.buildFlags); err != nil {
					bad(err)
				}
			case "enable", "disable":
				var names []string
				if err := json.Unmarshal(val, &names); err != nil {
					bad(err)
					continue
				}
				setEnabled(key, names, key == "enable")
			default:
				a := byName[key]
				if a == nil {
					problems = append(problems, fmt.Sprintf("unknown setting %q", key))
					continue
				}
				var on bool
				if json.Unmarshal(val, &on) == nil {
					enabled[key] = on
					continue
				}
				var flags map[string]json.RawMessage
				if err := json.Unmarshal(val, &flags); err != nil {
					bad(fmt.Errorf("want true, false or an object of flags"))
					continue
				}
				for _, name := range slices.Sorted(maps.Keys(flags)) {
					if err := setFlag(a, name, flags[name]); err != nil {
						problems = append(problems, fmt.Sprintf("%s.%s: %v", key, name, err))
					}
				}
			}
		}
	}
	if tags != "" {
		cfg.buildFlags = append(slices.Clone(cfg.buildFlags), "-tags="+tags)
	}
	// As the command: if any analyzer is enabled explicitly, run only
	// those; otherwise all but the disabled ones.
	only := false
	for _, on := range enabled {
		only = only || on
	}
	for _, a := range fresh {
		on, set := enabled[a.Name]
		if only && on || !only && (!set || on) {
			cfg.analyzers = append(cfg.analyzers, a)
		}
	}
	return cfg, problems
}

// setFlag sets flag name of a to a JSON value: a string as it is, any
// other value (true, 3) as its JSON text.
func setFlag(a *analysis.Analyzer, name string, raw json.RawMessage) error {
	if a.Flags.Lookup(name) == nil {
		return fmt.Errorf("analyzer %s has no flag %q", a.Name, name)
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		s = string(bytes.TrimSpace(raw))
	}
	return a.Flags.Set(name, s)
}
