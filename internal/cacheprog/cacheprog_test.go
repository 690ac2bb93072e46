package cacheprog

import (
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dirprog builds the test cache program (testdata/dirprog) and returns
// its name, with the environment that keeps its store in a new directory,
// whose name it returns too.
func dirprog(t *testing.T) (prog, store string) {
	t.Helper()
	tmp := t.TempDir()
	prog = filepath.Join(tmp, "dirprog")
	if out, err := exec.Command("go", "build", "-o", prog, "./testdata/dirprog").CombinedOutput(); err != nil {
		t.Fatalf("building dirprog: %v\n%s", err, out)
	}
	store = filepath.Join(tmp, "store")
	if err := os.Mkdir(store, 0o777); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DIRPROG_DIR", store)
	return prog, store
}

// stats returns the lines the program's runs appended to the stats file.
func stats(t *testing.T, store string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(store, "stats"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

// What is put is got back, by another run of the program too; what was
// not put is a miss.
func TestGetPut(t *testing.T) {
	prog, store := dirprog(t)
	id, other := sha256.Sum256([]byte("a")), sha256.Sum256([]byte("b"))
	c, err := Start(prog)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := c.Get(id); ok || err != nil {
		t.Fatalf("Get before Put: ok %v, err %v; want a miss", ok, err)
	}
	if err := c.Put(id, []byte("facts")); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	c, err = Start(prog)
	if err != nil {
		t.Fatal(err)
	}
	if data, ok, err := c.Get(id); !ok || err != nil || string(data) != "facts" {
		t.Errorf("Get after Put: %q, ok %v, err %v; want \"facts\"", data, ok, err)
	}
	if _, ok, err := c.Get(other); ok || err != nil {
		t.Errorf("Get of another ID: ok %v, err %v; want a miss", ok, err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := stats(t, store), []string{"gets 1 hits 0 puts 1", "gets 2 hits 1 puts 0"}; !slices.Equal(got, want) {
		t.Errorf("stats %q, want %q", got, want)
	}
}

// A body that is not what was put (changed in the program's store) is a
// miss, not wrong content.
func TestGetDamaged(t *testing.T) {
	prog, store := dirprog(t)
	id := sha256.Sum256([]byte("a"))
	c, err := Start(prog)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Put(id, []byte("facts")); err != nil {
		t.Fatal(err)
	}
	bodies, _ := filepath.Glob(filepath.Join(store, "o-*"))
	if len(bodies) != 1 {
		t.Fatalf("%d bodies in the store, want 1", len(bodies))
	}
	if err := os.WriteFile(bodies[0], []byte("fact5"), 0o666); err != nil {
		t.Fatal(err)
	}
	if data, ok, err := c.Get(id); ok || err != nil {
		t.Errorf("Get of a damaged body: %q, ok %v, err %v; want a miss", data, ok, err)
	}
}

// A program that dies makes every later request fail, and Close returns.
func TestProgramDies(t *testing.T) {
	prog, _ := dirprog(t)
	t.Setenv("DIRPROG_EXIT_AFTER", "1")
	id := sha256.Sum256([]byte("a"))
	c, err := Start(prog)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Put(id, []byte("facts")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Get(id); err == nil {
		t.Error("Get after the program died: no error")
	}
	if err := c.Put(id, []byte("facts")); err == nil {
		t.Error("Put after the program died: no error")
	}
	if err := c.Close(); err == nil {
		t.Error("Close after the program died: no error")
	}
}

// A program that cannot be started, or exits before saying what it can
// do, is an error.
func TestStartFails(t *testing.T) {
	prog, _ := dirprog(t)
	if _, err := Start(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("Start of a missing program: no error")
	}
	t.Setenv("DIRPROG_DIR", "relative") // dirprog refuses it and exits
	if _, err := Start(prog); err == nil {
		t.Error("Start of a program that exits at once: no error")
	}
	if _, err := Start(""); err == nil {
		t.Error("Start of no program: no error")
	}
}

// Command lines split as the go command splits GOCACHEPROG.
func TestSplit(t *testing.T) {
	for in, want := range map[string][]string{
		"prog":                       {"prog"},
		"  prog  -v  ":               {"prog", "-v"},
		`"/my dir/prog" -dir '/a b'`: {"/my dir/prog", "-dir", "/a b"},
		`prog -x=""`:                 {"prog", "-x="},
		`prog ""`:                    {"prog", ""},
	} {
		got, err := split(in)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("split(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := split(`prog "open`); err == nil {
		t.Error(`split("prog \"open"): no error`)
	}
}
