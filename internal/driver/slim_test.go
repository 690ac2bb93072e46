package driver

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/tools/go/gcexportdata"
)

// exportData returns the export data of each package of paths, as the go
// command's build cache has it, with its format byte.
func exportData(t *testing.T, paths ...string) map[string][]byte {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list", "-export", "-f", "{{.ImportPath}}\t{{.Export}}"}, paths...)...).Output()
	if err != nil {
		t.Fatalf("go list -export: %v", err)
	}
	data := make(map[string][]byte)
	for line := range strings.Lines(string(out)) {
		path, file, _ := strings.Cut(strings.TrimSpace(line), "\t")
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		//lint:ignore SA1019 the archives go list gives need NewReader until Go 1.29 (as in readExport)
		r, err := gcexportdata.NewReader(bufio.NewReader(f))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		data[path] = b
	}
	return data
}

// describe lists every object of pkg's scope, with its fields and
// methods, its type and its position.
func describe(fset *token.FileSet, pkg *types.Package) string {
	var b strings.Builder
	obj := func(o types.Object) {
		fmt.Fprintf(&b, "%s %s\n", types.ObjectString(o, nil), fset.Position(o.Pos()))
	}
	for _, name := range pkg.Scope().Names() {
		o := pkg.Scope().Lookup(name)
		obj(o)
		if c, ok := o.(*types.Const); ok {
			fmt.Fprintf(&b, "= %s\n", c.Val().ExactString())
		}
		if n, ok := o.Type().(*types.Named); ok {
			for m := range n.Methods() {
				obj(m)
			}
			if s, ok := n.Underlying().(*types.Struct); ok {
				for i := range s.NumFields() {
					obj(s.Field(i))
					fmt.Fprintf(&b, "tag %q\n", s.Tag(i))
				}
			}
		}
	}
	return b.String()
}

// Export data without the sections only the compiler reads gives the
// same types, constants, tags and positions as the whole, in less.
func TestSlimExport(t *testing.T) {
	data := exportData(t, "net/http", "encoding/json", "go/types", "slices", "math")
	for path, whole := range data {
		slim := slimExport(whole)
		if len(slim) >= len(whole) {
			t.Errorf("%s: slim export data is %d bytes, the whole %d", path, len(slim), len(whole))
		}
		read := func(b []byte) string {
			fset := token.NewFileSet()
			pkg, err := gcexportdata.Read(bytes.NewReader(b), fset, make(map[string]*types.Package), path)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			return describe(fset, pkg)
		}
		if w, s := read(whole), read(slim); w != s {
			t.Errorf("%s: the slim export data reads differently:\n%s\nwant\n%s", path, s, w)
		}
	}
}

// Data slimExport cannot read as the format it knows is returned as it
// is.
func TestSlimExportOther(t *testing.T) {
	whole := exportData(t, "strings")["strings"]
	if len(slimExport(whole)) >= len(whole) {
		t.Fatal("strings: not slimmed")
	}
	version := func(v uint32) []byte {
		b := bytes.Clone(whole)
		binary.LittleEndian.PutUint32(b[1:], v)
		return b
	}
	sync := bytes.Clone(whole)
	binary.LittleEndian.PutUint32(sync[5:], 1)
	for name, b := range map[string][]byte{
		"empty":        {},
		"indexed":      []byte("i\x00\x01"),
		"format byte":  whole[:1],
		"cut":          whole[:len(whole)/2],
		"cut header":   whole[:20],
		"version":      version(99),
		"sync markers": sync,
	} {
		if got := slimExport(b); !bytes.Equal(got, b) {
			t.Errorf("%s: changed", name)
		}
	}
}
