package driver

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// A package runs alone once its source reaches aloneSize, counted over
// all its files.
func TestExclusive(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) string {
		name = filepath.Join(dir, name)
		if err := os.WriteFile(name, make([]byte, size), 0o666); err != nil {
			t.Fatal(err)
		}
		return name
	}
	small, half, rest := write("small.go", 100), write("half.go", aloneSize/2), write("rest.go", aloneSize/2)
	for _, tc := range []struct {
		files []string
		want  bool
	}{
		{[]string{small}, false},
		{[]string{small, half}, false},
		{[]string{half, rest}, true},
		{[]string{filepath.Join(dir, "missing.go"), half}, false},
	} {
		if got := exclusive(&packages.Package{CompiledGoFiles: tc.files}); got != tc.want {
			t.Errorf("exclusive(%q) = %v, want %v", tc.files, got, tc.want)
		}
	}
}
