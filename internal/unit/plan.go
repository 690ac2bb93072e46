package unit

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// A Plan says which analyzers run on which packages, in which order.
type Plan struct {
	roots     map[*analysis.Analyzer]bool
	all       []*analysis.Analyzer // the roots and what they require, each after its requirements
	facts     []*analysis.Analyzer // what runs on dependencies: analyzers using facts and what they require
	factTypes map[*analysis.Analyzer]map[reflect.Type]bool
}

// NewPlan returns the plan for roots, the analyzers whose diagnostics are
// wanted.
func NewPlan(roots []*analysis.Analyzer) (*Plan, error) {
	if err := analysis.Validate(roots); err != nil {
		return nil, err
	}
	p := &Plan{
		roots:     make(map[*analysis.Analyzer]bool),
		factTypes: make(map[*analysis.Analyzer]map[reflect.Type]bool),
	}
	for _, a := range roots {
		p.roots[a] = true
	}
	p.all = Closure(roots)
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
	p.facts = Closure(withFacts)
	return p, nil
}

// UsesFacts reports whether any analyzer of the plan uses facts, and so
// runs on dependencies.
func (p *Plan) UsesFacts() bool { return len(p.facts) > 0 }

// Factful returns the analyzers of the plan that use facts.
func (p *Plan) Factful() []*analysis.Analyzer {
	var list []*analysis.Analyzer
	for _, a := range p.facts {
		if len(a.FactTypes) > 0 {
			list = append(list, a)
		}
	}
	return list
}

// Closure returns as and the analyzers they require, transitively, each
// after those it requires.
func Closure(as []*analysis.Analyzer) []*analysis.Analyzer {
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

// All returns the analyzers of the plan: the roots and what they require,
// each after its requirements.
func (p *Plan) All() []*analysis.Analyzer { return p.all }
