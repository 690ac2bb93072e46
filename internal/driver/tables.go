package driver

import (
	"go/ast"
	"go/token"
	"strconv"
)

// tableSize is the number of literal values from which a package-level
// table is emptied in a dependency (see emptyTables).
const tableSize = 1024

// emptyTables empties the large tables of literal values that f, a file
// of a dependency, declares at package level, such as the lookup tables
// of a compression library (andybalholm/brotli: 2.4 MB of source, the
// largest live heap of a run with an empty fact cache on miniflux).
// Their syntax and the type and value of each element took tens of
// megabytes while such a package was type-checked, and no fact is
// computed from numbers and strings in a table. A composite literal
// whose values are all basic literals (numbers, characters and strings,
// possibly negated, in nested literals too), without keys, and that
// holds at least tableSize of them, loses its elements; an array of
// [...] gets their number as its length, so every declared type is the
// same.
func emptyTables(f *ast.File) {
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.VAR {
			continue
		}
		for _, spec := range gen.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				if lit, ok := v.(*ast.CompositeLit); ok && lit.Type != nil {
					if n, ok := literalValues(lit); ok && n >= tableSize {
						emptyTable(lit)
					}
				}
			}
		}
	}
}

// literalValues returns the number of values in lit, and whether they
// are all basic literals, without keys.
func literalValues(lit *ast.CompositeLit) (int, bool) {
	n := 0
	for _, e := range lit.Elts {
		if u, ok := e.(*ast.UnaryExpr); ok && (u.Op == token.SUB || u.Op == token.ADD) {
			e = u.X
		}
		switch e := e.(type) {
		case *ast.BasicLit:
			n++
		case *ast.CompositeLit:
			if e.Type != nil {
				return 0, false // a type to check, maybe a struct's
			}
			m, ok := literalValues(e)
			if !ok {
				return 0, false
			}
			n += m
		default:
			return 0, false
		}
	}
	return n, true
}

// emptyTable drops the elements of lit, keeping its type.
func emptyTable(lit *ast.CompositeLit) {
	switch t := lit.Type.(type) {
	case *ast.ArrayType:
		if _, ok := t.Len.(*ast.Ellipsis); ok {
			t.Len = &ast.BasicLit{ValuePos: t.Len.Pos(), Kind: token.INT, Value: strconv.Itoa(len(lit.Elts))}
		}
	default:
		return // a named type: its length, if an array's, is declared
	}
	lit.Elts = nil
}
