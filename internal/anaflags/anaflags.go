// Package anaflags defines the analyzer flags shared by resplint's
// drivers: -NAME[=bool] to enable or disable analyzer NAME and
// -NAME.FLAG=value for each flag of each analyzer. The standalone command
// parses them from its command line; the golangci-lint plugin sets them
// from its settings, so that both accept the same keys.
package anaflags

import (
	"errors"
	"flag"
	"fmt"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// A Set holds the analyzer flags defined on a flag set.
type Set struct {
	all     []*analysis.Analyzer
	enabled []enableFlag // by index in all
}

// Define defines on fs, for each analyzer in all, the flag -NAME and the
// flags -NAME.FLAG, which share their values with the analyzer's own
// flags.
func Define(fs *flag.FlagSet, all []*analysis.Analyzer) *Set {
	s := &Set{all: all, enabled: make([]enableFlag, len(all))}
	for i, a := range all {
		fs.Var(&s.enabled[i], a.Name, fmt.Sprintf("enable the %s analyzer", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return s
}

// Selected returns the analyzers to run. Like go vet: if any -NAME is
// true, only the analyzers so named; otherwise all but those with
// -NAME=false.
func (s *Set) Selected() []*analysis.Analyzer {
	only := false
	for _, e := range s.enabled {
		only = only || e == enabledTrue
	}
	var selected []*analysis.Analyzer
	for i, a := range s.all {
		if only && s.enabled[i] == enabledTrue || !only && s.enabled[i] != enabledFalse {
			selected = append(selected, a)
		}
	}
	return selected
}

// An enableFlag is an analyzer's -NAME flag: a boolean flag that remembers
// whether it was set.
type enableFlag int

const (
	enabledUnset enableFlag = iota
	enabledTrue
	enabledFalse
)

func (e *enableFlag) IsBoolFlag() bool { return true }

func (e *enableFlag) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return errors.New("want true or false")
	}
	*e = enabledFalse
	if b {
		*e = enabledTrue
	}
	return nil
}

func (e *enableFlag) String() string {
	if e != nil && *e == enabledFalse {
		return "false"
	}
	return "true"
}
