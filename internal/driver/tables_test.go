package driver

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// A dependency's large tables of literals lose their elements, and every
// package-level variable keeps its type; other literals stay whole.
func TestEmptyTables(t *testing.T) {
	list := func(n int, f func(int) string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(f(i) + ", ")
		}
		return b.String()
	}
	num := func(i int) string { return fmt.Sprint(i % 200) }
	src := "package p\n\n" +
		"var ellipsis = [...]uint16{" + list(tableSize, num) + "}\n" +
		"var slice = []int{" + list(tableSize, func(i int) string { return "-" + num(i) }) + "}\n" +
		"var grid = [...][4]byte{" + list(tableSize/4, func(int) string { return "{1, 2, 'c', 0x4}" }) + "}\n" +
		"var words = []string{" + list(tableSize, func(i int) string { return fmt.Sprintf("%q", fmt.Sprint(i)) }) + "}\n" +
		"var small = [...]int{1, 2, 3}\n" +
		"var keyed = [...]int{" + list(tableSize, func(i int) string { return fmt.Sprintf("%d: 1", i) }) + "}\n" +
		"const c = 1\n" +
		"var named = [...]int{" + list(tableSize, func(int) string { return "c" }) + "}\n" +
		"type T [1024]int\n" +
		"var typed = T{" + list(tableSize, num) + "}\n"

	typesOf := func(empty bool) (map[string]string, *ast.File) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if empty {
			emptyTables(f)
		}
		pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := make(map[string]string)
		for _, name := range pkg.Scope().Names() {
			got[name] = pkg.Scope().Lookup(name).Type().String()
		}
		return got, f
	}
	before, _ := typesOf(false)
	after, f := typesOf(true)
	for name, typ := range before {
		if after[name] != typ {
			t.Errorf("%s: type %s, was %s", name, after[name], typ)
		}
	}
	emptied := map[string]bool{"ellipsis": true, "slice": true, "grid": true, "words": true}
	for _, decl := range f.Decls {
		gen := decl.(*ast.GenDecl)
		if gen.Tok != token.VAR {
			continue
		}
		spec := gen.Specs[0].(*ast.ValueSpec)
		name := spec.Names[0].Name
		if n := len(spec.Values[0].(*ast.CompositeLit).Elts); (n == 0) != emptied[name] {
			t.Errorf("%s has %d elements left; emptied: %v", name, n, emptied[name])
		}
	}
}
