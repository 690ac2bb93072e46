package cache

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// A plan says which analyzers run on which packages, in which order.
type plan struct {
	roots     map[*analysis.Analyzer]bool
	all       []*analysis.Analyzer // the roots and what they require, each after its requirements
	facts     []*analysis.Analyzer // what runs on dependencies: analyzers using facts and what they require
	factTypes map[*analysis.Analyzer]map[reflect.Type]bool
}

func newPlan(roots []*analysis.Analyzer) (*plan, error) {
	if err := analysis.Validate(roots); err != nil {
		return nil, err
	}
	p := &plan{
		roots:     make(map[*analysis.Analyzer]bool),
		factTypes: make(map[*analysis.Analyzer]map[reflect.Type]bool),
	}
	for _, a := range roots {
		p.roots[a] = true
	}
	p.all = postorder(roots)
	var withFacts []*analysis.Analyzer
	for _, a := range p.all {
		if len(a.FactTypes) > 0 {
			withFacts = append(withFacts, a)
		}
		types := make(map[reflect.Type]bool)
		for _, f := range a.FactTypes {
			types[reflect.TypeOf(f)] = true
		}
		p.factTypes[a] = types
	}
	p.facts = postorder(withFacts)
	return p, nil
}

// postorder returns as and the analyzers they require, transitively, each
// after those it requires.
func postorder(as []*analysis.Analyzer) []*analysis.Analyzer {
	var order []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		order = append(order, a)
	}
	for _, a := range as {
		visit(a)
	}
	return order
}
