package jsonvalue

import (
	"go/ast"
	"go/types"
)

// ReturnsFact is exported for a function with an interface-typed
// result, for wrappers in other packages that write what it returns
// (wrapped.go): the values it returns there, by type and what they are
// empty in, as Fills with no Steps.
type ReturnsFact struct {
	Returns []Fill
}

func (*ReturnsFact) AFact() {}

func (f *ReturnsFact) String() string { return "returns" }

// exportReturns exports the ReturnsFact of fn, a function declared in
// the package, if its interface-typed results return values whose types
// can be named.
func (m *Model) exportReturns(fn *types.Func) {
	d := m.decls[fn]
	results := fn.Signature().Results()
	if d == nil || results.Len() != d.Type.Results.NumFields() {
		return
	}
	s := m.host.Scope(d)
	var out []Fill
	for i := range results.Len() {
		if !types.IsInterface(results.At(i).Type()) {
			continue
		}
		m.returnsOf(d.Type, d.Body, i, func(e ast.Expr, ret *ast.ReturnStmt) {
			for _, f := range m.leafFill(e, nil, s, ret.Pos()) {
				f.Result = i
				out = append(out, f)
			}
		})
	}
	if len(out) > 0 {
		m.pass.ExportObjectFact(fn, &ReturnsFact{Returns: out})
	}
}

// importedReturns returns the fills of fn's ReturnsFact with their
// types resolved; those whose types do not resolve are left out.
func (m *Model) importedReturns(fn *types.Func) []Fill {
	var fact ReturnsFact
	if fn.Pkg() == m.pass.Pkg || !m.pass.ImportObjectFact(fn, &fact) {
		return nil
	}
	var out []Fill
	for _, f := range fact.Returns {
		if f.typ = m.resolveType(f.Type, fn.Pkg()); f.typ != nil {
			out = append(out, f)
		}
	}
	return out
}
