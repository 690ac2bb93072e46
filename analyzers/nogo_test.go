package analyzers_test

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/analyzers/cookiedelete"
	"github.com/resplint/resplint/analyzers/cookieflags"
	"github.com/resplint/resplint/analyzers/cors"
	"github.com/resplint/resplint/analyzers/disposition"
	"github.com/resplint/resplint/analyzers/internal/testmod"
	"github.com/resplint/resplint/analyzers/jsonleak"
	"github.com/resplint/resplint/analyzers/lateheader"
	"github.com/resplint/resplint/analyzers/privatecache"
	"github.com/resplint/resplint/internal/testlock"
)

// nogoAnalyzers returns what a rules_go nogo target runs (docs/integrations.md):
// the Analyzer variable of each check's package, with its default flags.
func nogoAnalyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{cookieflags.Analyzer, privatecache.Analyzer, jsonleak.Analyzer, disposition.Analyzer, lateheader.Analyzer, cors.Analyzer, cookiedelete.Analyzer}
}

// A finding is a diagnostic as go vet -json shows it.
type finding struct{ analyzer, posn, message string }

// analyze runs analyzers on pkgs in this process and returns the findings
// in the packages asked for, and the graph of the analysis.
func analyze(t *testing.T, analyzers []*analysis.Analyzer, pkgs []*packages.Package) (map[finding]bool, *checker.Graph) {
	t.Helper()
	g, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := make(map[finding]bool)
	for act := range g.All() {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		if act.IsRoot {
			for _, d := range act.Diagnostics {
				found[finding{act.Analyzer.Name, act.Package.Fset.Position(d.Pos).String(), d.Message}] = true
			}
		}
	}
	return found, g
}

// The checks meet what rules_go's nogo needs of analyzers: on the testdata
// module, each check runs alone with its default flags and finds what it
// finds with the others; every fact survives encoding/gob, through which
// nogo passes facts between packages; run one process per package, with
// the facts of its dependencies read from what their processes wrote (as
// nogo and go vet -vettool run them), they find what one process finds on
// every package at once, so they keep no state between packages but in
// facts (by default on the packages that need only the standard library,
// with RESPLINT_LONG=1 on all); and they reach none of the command's code,
// so not its fact cache.
func TestNogo(t *testing.T) {
	dir := testmod.Dir(t)
	pkgs := loadTestdata(t)
	all, graph := analyze(t, nogoAnalyzers(), pkgs)
	if len(all) == 0 {
		t.Fatal("no findings in the testdata module")
	}

	t.Run("alone", func(t *testing.T) {
		for _, a := range nogoAnalyzers() {
			if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
				t.Errorf("%s: %v", a.Name, err)
			}
			// nogo sets the analyzer_flags of its configuration with
			// Flags.Set; the defaults must read back as themselves.
			a.Flags.VisitAll(func(f *flag.Flag) {
				if f.Value.String() != f.DefValue {
					t.Errorf("-%s.%s is %q, not its default %q", a.Name, f.Name, f.Value, f.DefValue)
				}
				if err := f.Value.Set(f.DefValue); err != nil {
					t.Errorf("-%s.%s=%q: %v", a.Name, f.Name, f.DefValue, err)
				}
			})
			alone, _ := analyze(t, []*analysis.Analyzer{a}, pkgs)
			want := maps.Clone(all)
			maps.DeleteFunc(want, func(f finding, _ bool) bool { return f.analyzer != a.Name })
			if len(alone) == 0 || !maps.Equal(alone, want) {
				t.Errorf("%s alone: %d findings, %d with the others; they differ:\n%s", a.Name, len(alone), len(want), diff(alone, want))
			}
		}
	})

	t.Run("facts", func(t *testing.T) {
		declared := make(map[reflect.Type]int) // facts seen of each type
		var visit func(a *analysis.Analyzer)
		visit = func(a *analysis.Analyzer) {
			for _, f := range a.FactTypes {
				if _, ok := declared[reflect.TypeOf(f)]; !ok {
					declared[reflect.TypeOf(f)] = 0
					gob.Register(f) // as nogo registers each analyzer's FactTypes
				}
			}
			for _, r := range a.Requires {
				visit(r)
			}
		}
		for _, a := range nogoAnalyzers() {
			visit(a)
		}
		seen := make(map[analysis.Fact]bool)
		check := func(f analysis.Fact) {
			if seen[f] {
				return
			}
			seen[f] = true
			declared[reflect.TypeOf(f)]++
			if err := roundTrip(f); err != nil {
				t.Errorf("%T %v: %v", f, f, err)
			}
		}
		for act := range graph.All() {
			for _, f := range act.AllObjectFacts() {
				check(f.Fact)
			}
			for _, f := range act.AllPackageFacts() {
				check(f.Fact)
			}
		}
		for typ, n := range declared {
			if n == 0 {
				t.Errorf("no fact of type %v in the testdata module: its encoding is not tested", typ)
			}
		}
	})

	t.Run("processes", func(t *testing.T) {
		// go vet compiles every dependency for its export data, and all
		// the frameworks cost minutes of CPU to compile: by default only
		// the packages that need nothing beyond the standard library and
		// this module are vetted (facts still pass between their
		// processes: cookiedelete's helpers are in packages of their own);
		// RESPLINT_LONG=1 vets every package, on every framework.
		patterns, want := []string{"./..."}, all
		if os.Getenv("RESPLINT_LONG") == "" {
			var dirs map[string]bool
			patterns, dirs = stdOnly(t, dir, pkgs)
			want = maps.Clone(all)
			maps.DeleteFunc(want, func(f finding, _ bool) bool { return !dirs[filepath.Dir(posnFile(f.posn))] })
			if len(want) == 0 {
				t.Fatalf("no findings in %v", patterns)
			}
			t.Logf("%d findings in %v", len(want), patterns)
		}
		vettool := filepath.Join(t.TempDir(), "nogovet")
		if out, err := exec.Command("go", "build", "-o", vettool, "./testdata/nogovet").CombinedOutput(); err != nil {
			t.Fatalf("building nogovet: %v\n%s", err, out)
		}
		cmd := exec.Command("go", append([]string{"vet", "-json", "-vettool=" + vettool}, patterns...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
		var out []byte
		var err error
		// go vet compiles every dependency for its export data.
		testlock.Do(t, func() { out, err = cmd.Output() }) // the JSON of each package (Go 1.26)
		if err != nil {
			t.Fatalf("go vet -vettool=nogovet: %v\n%s", err, err.(*exec.ExitError).Stderr)
		}
		vetted := make(map[finding]bool)
		dec := json.NewDecoder(bytes.NewReader(out))
		for dec.More() {
			var out map[string]map[string][]struct{ Posn, Message string }
			if err := dec.Decode(&out); err != nil {
				t.Fatalf("go vet -json output: %v", err)
			}
			for _, byAnalyzer := range out {
				for name, diags := range byAnalyzer {
					for _, d := range diags {
						vetted[finding{name, d.Posn, d.Message}] = true
					}
				}
			}
		}
		if !maps.Equal(vetted, want) {
			t.Errorf("one process per package: %d findings, one process: %d; they differ:\n%s", len(vetted), len(want), diff(vetted, want))
		}
	})

	t.Run("no driver", func(t *testing.T) {
		deps, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps},
			"./cookieflags", "./privatecache", "./jsonleak", "./disposition", "./lateheader", "./cors", "./cookiedelete")
		if err != nil {
			t.Fatal(err)
		}
		packages.Visit(deps, func(p *packages.Package) bool {
			if strings.HasPrefix(p.PkgPath, "github.com/resplint/resplint/internal/") {
				t.Errorf("the checks import %s", p.PkgPath)
			}
			return true
		}, nil)
	})
}

// stdOnly returns the patterns of the directories of the testdata module
// whose packages (tests included) import, directly or not, only the
// standard library and packages of this repository, and those
// directories.
func stdOnly(t *testing.T, dir string, pkgs []*packages.Package) ([]string, map[string]bool) {
	t.Helper()
	ours := func(p *packages.Package) bool {
		return p.Module == nil || p.Module.Path == "resplint.test" || p.Module.Path == "github.com/resplint/resplint"
	}
	dirs := make(map[string]bool) // false: a package there imports a module
	for _, p := range pkgs {
		if len(p.GoFiles) == 0 || p.Module == nil || p.Module.Path != "resplint.test" {
			continue
		}
		d := filepath.Dir(p.GoFiles[0])
		if !strings.HasPrefix(d, dir+string(filepath.Separator)) { // a test's main package
			continue
		}
		if _, seen := dirs[d]; !seen {
			dirs[d] = true
		}
		packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) {
			if !ours(q) {
				dirs[d] = false
			}
		})
	}
	maps.DeleteFunc(dirs, func(_ string, ok bool) bool { return !ok })
	var patterns []string
	for d := range dirs {
		rel, err := filepath.Rel(dir, d)
		if err != nil {
			t.Fatal(err)
		}
		patterns = append(patterns, "./"+filepath.ToSlash(rel))
	}
	slices.Sort(patterns)
	if len(patterns) == 0 {
		t.Fatal("no package of the testdata module imports only the standard library")
	}
	return patterns, dirs
}

// posnFile returns the file name of a position "file:line:col" (or
// "file:line").
func posnFile(posn string) string {
	for range 2 {
		if i := strings.LastIndexByte(posn, ':'); i >= 0 {
			if _, err := strconv.Atoi(posn[i+1:]); err == nil {
				posn = posn[:i]
			}
		}
	}
	return posn
}

var testdataLoad struct {
	once sync.Once
	pkgs []*packages.Package
	err  error
}

// loadTestdata loads every package of the testdata module, test variants
// included, from source, once per test binary: loading the frameworks
// costs more than analysing them.
func loadTestdata(t *testing.T) []*packages.Package {
	t.Helper()
	dir := testmod.Dir(t)
	testdataLoad.once.Do(func() {
		testdataLoad.pkgs, testdataLoad.err = packages.Load(&packages.Config{
			Mode:  packages.LoadAllSyntax | packages.NeedModule, // go vet gives passes their module too
			Dir:   dir,
			Tests: true,
			Env:   append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off"),
		}, "./...")
		if testdataLoad.err == nil && packages.PrintErrors(testdataLoad.pkgs) > 0 {
			testdataLoad.err = errors.New("the testdata module does not type-check")
		}
	})
	if testdataLoad.err != nil {
		t.Fatal(testdataLoad.err)
	}
	return testdataLoad.pkgs
}

// roundTrip encodes f with gob as nogo does (as an interface value, its
// type registered), decodes it, and reports whether it came back the
// same. gob leaves out empty slices, so the encodings are compared.
func roundTrip(f analysis.Fact) error {
	type gobFact struct{ Fact analysis.Fact }
	encode := func(f analysis.Fact) ([]byte, error) {
		var buf bytes.Buffer
		err := gob.NewEncoder(&buf).Encode(gobFact{f})
		return buf.Bytes(), err
	}
	data, err := encode(f)
	if err != nil {
		return err
	}
	var back gobFact
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&back); err != nil {
		return err
	}
	again, err := encode(back.Fact)
	if err != nil {
		return err
	}
	if !bytes.Equal(data, again) {
		return fmt.Errorf("decoded as %v", back.Fact)
	}
	return nil
}

// diff lists the findings in one set only.
func diff(a, b map[finding]bool) string {
	var lines []string
	for f := range a {
		if !b[f] {
			lines = append(lines, "only in the first: "+f.posn+": "+f.analyzer+": "+f.message)
		}
	}
	for f := range b {
		if !a[f] {
			lines = append(lines, "only in the second: "+f.posn+": "+f.analyzer+": "+f.message)
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
