package driver

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"regexp"
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

// Blanking the tables before parsing gives the syntax that emptying them
// after does, positions included, where blankTables blanks them; other
// files are left as they are.
func TestBlankTables(t *testing.T) {
	list := func(n int, f func(int) string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(f(i) + ",\n\t")
		}
		return b.String()
	}
	num := func(i int) string { return fmt.Sprint(i % 200) }
	nums := list(tableSize, num)
	for _, tc := range []struct {
		name, src string
		blanked   bool // whether blankTables changes the file
	}{
		{"array", "package p\n\nvar a = [1024]uint16{\n\t" + nums + "}\n\nfunc f() {}\n", true},
		{"slice", "package p\n\nvar a = []int{" + list(tableSize, func(i int) string { return "-" + num(i) }) + "} // end\n", true},
		{"words", "package p\n\nvar a = []string{" + list(tableSize, func(i int) string { return fmt.Sprintf("%q", fmt.Sprint(i)) }) + "}\n", true},
		{"block", "package p\n\nvar (\n\tb = 1\n\ta = [...]T{" + list(tableSize/4, func(int) string { return "{1, 2, 'c', -0x4}" }) + "}\n\tc = []int{1}\n)\n\ntype T struct{ a, b, c, d int }\n", true},
		{"qualified", "package p\n\nimport \"time\"\n\nvar a = []time.Duration{" + nums + "}\n", true},
		{"long", "package p\n\nvar a = [...]int{" + nums + "}\n", false}, // 1024 does not fit in place of the dots
		{"typed", "package p\n\nvar a = [...]T{" + list(tableSize/4, func(int) string { return "T{1, 2, 3, 4}" }) + "}\n\ntype T [4]int\n", false},
		{"keyed", "package p\n\nvar a = []int{" + list(tableSize, func(i int) string { return fmt.Sprintf("%d: 1", i) }) + "}\n", false},
		{"small", "package p\n\nvar a = []int{1, 2, 3}\n" + strings.Repeat("var _, _ = 1, 2\n", tableSize), false},
		{"sliced", "package p\n\nvar a = []int{" + nums + "}[1:]\n", false},
		{"two values", "package p\n\nvar a, b = []int{" + nums + "}, 1\n", false},
		{"local", "package p\n\nfunc f() {\n\tvar a = []int{" + nums + "}\n\t_ = a\n}\n", false},
		{"line directive", "package p\n\nvar a = []int{\n//line x.go:1\n" + nums + "}\n", false},
		{"scan error", "package p\n\nvar a = []int{" + nums + "}\n\nvar s = \"unterminated\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			syntax := func(src []byte, blank bool) (string, int) {
				if blank {
					blankTables(src)
				}
				fset := token.NewFileSet()
				f, _ := parser.ParseFile(fset, "p.go", src, parser.ParseComments|parser.SkipObjectResolution)
				lits := 0
				ast.Inspect(f, func(n ast.Node) bool {
					if _, ok := n.(*ast.BasicLit); ok {
						lits++
					}
					return true
				})
				emptyTables(f)
				var b strings.Builder
				ast.Fprint(&b, fset, f, nil)
				// The length emptyTables writes for [...] has no end.
				end := regexp.MustCompile(`(?m)^.*ValueEnd: .*\n`)
				return end.ReplaceAllString(b.String(), ""), lits
			}
			want, before := syntax([]byte(tc.src), false)
			src := []byte(tc.src)
			got, after := syntax(src, true)
			if got != want {
				gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Errorf("the syntax differs from that of emptyTables at line %d: %s, want %s", i, gl[i], wl[i])
						break
					}
				}
			}
			if blanked := string(src) != tc.src; blanked != tc.blanked {
				t.Errorf("blanked: %v, want %v", blanked, tc.blanked)
			}
			if tc.blanked && after > before/2 {
				t.Errorf("%d basic literals parsed, %d without blanking", after, before)
			}
		})
	}
}

// A dependency's large string literals, its embedded files, become empty
// strings before it is parsed: the types are the same, and so is the
// place of everything else.
func TestBlankStrings(t *testing.T) {
	big := strings.Repeat(`\x2f\x2a`, bigString/8+1)
	raw := strings.Repeat("line\r\n", bigString/6+1)
	src := "package p\n\n" +
		"var a = []byte(\"" + big + "\")\n" +
		"var b = `" + raw + "`\n" +
		"var (\n\tc = \"" + big + "\"\n\td = 1\n)\n" +
		"const e = \"" + big + "\"\n" + // a constant: its length may be a constant too
		"var f = \"x\" + \"" + big + "\"\n" +
		"var g = []byte(\"" + big + "\")[1:]\n" +
		"var h = []byte(\"small\")\n" +
		"var i = []byte(`" + raw + "`)\n" + // ends with a line break: left as it is
		"var j = []byte(`" + raw + "x`)\n" +
		"func F() {}\n"
	check := func(src []byte) (map[string]string, map[string]string) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		conf := types.Config{Importer: importer.Default()}
		pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		typs, places := make(map[string]string), make(map[string]string)
		for _, name := range pkg.Scope().Names() {
			obj := pkg.Scope().Lookup(name)
			typs[name] = obj.Type().String()
			places[name] = fset.Position(obj.Pos()).String()
		}
		values := make(map[string]string)
		for _, decl := range f.Decls {
			if gen, ok := decl.(*ast.GenDecl); ok {
				for _, spec := range gen.Specs {
					if vs, ok := spec.(*ast.ValueSpec); ok && len(vs.Values) == 1 {
						ast.Inspect(vs.Values[0], func(n ast.Node) bool {
							if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
								values[vs.Names[0].Name] += fmt.Sprint(len(lit.Value), " ")
							}
							return true
						})
					}
				}
			}
		}
		for name, place := range places {
			typs[name] += " at " + place
		}
		return typs, values
	}
	blanked := []byte(src)
	blankTables(blanked)
	wantTypes, wantValues := check([]byte(src))
	gotTypes, gotValues := check(blanked)
	for name, want := range wantTypes {
		if gotTypes[name] != want {
			t.Errorf("%s: %s, want %s", name, gotTypes[name], want)
		}
	}
	for _, name := range []string{"a", "b", "c", "j"} {
		if gotValues[name] != "2 " {
			t.Errorf("%s: literals of lengths %s, want one of 2", name, gotValues[name])
		}
	}
	for _, name := range []string{"e", "f", "g", "h", "i"} {
		if gotValues[name] != wantValues[name] {
			t.Errorf("%s: literals of lengths %s, want %s", name, gotValues[name], wantValues[name])
		}
	}
}
