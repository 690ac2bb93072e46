package jsonleak_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/resplint/resplint/analyzers/internal/respmodel"
	"github.com/resplint/resplint/analyzers/jsonleak"
)

// The benchmarks compare the cost of the check on a generated package of
// benchHandlers handlers serialising a graph of benchModels models (each
// reaching most of the others through pointers, slices, maps, embedding
// and cycles) with the cost of type-checking that package:
//
//	go test -run '^$' -bench . ./analyzers/jsonleak/
//
// BenchmarkTypeCheck is the baseline; BenchmarkModel runs the response
// model jsonleak requires; BenchmarkJSONLeak runs the model and the check
// on the package where every handler sends secrets (hundreds of reports,
// each with its message and fix), BenchmarkJSONLeakClean where the
// secrets are tagged json:"-" (the common case: nothing to report).
const (
	benchHandlers = 400
	benchModels   = 200
)

// generate writes the benchmark package's source; leaky says whether
// its secret fields are sent.
func generate(leaky bool) string {
	tag := func(name string) string {
		if !leaky {
			name = "-"
		}
		return "`json:\"" + name + "\"`"
	}
	var b strings.Builder
	b.WriteString("package bench\n\nimport (\n\t\"encoding/json\"\n\t\"net/http\"\n)\n\n")
	b.WriteString("type Base struct {\n\tCreatedBy string `json:\"created_by\"`\n\tSalt []byte " + tag("salt") + "\n}\n\n")
	b.WriteString("type Page[T any] struct {\n\tItems []T `json:\"items\"`\n\tNext string `json:\"next\"`\n}\n\n")
	for i := range benchModels {
		fmt.Fprintf(&b, "type M%d struct {\n\tBase\n\tID int `json:\"id\"`\n\tName string `json:\"name\"`\n", i)
		if i+1 < benchModels {
			fmt.Fprintf(&b, "\tChild *M%d `json:\"child\"`\n", i+1)
		}
		if i+2 < benchModels {
			fmt.Fprintf(&b, "\tItems []M%d `json:\"items\"`\n", i+2)
		}
		if i+3 < benchModels {
			fmt.Fprintf(&b, "\tByKey map[string]*M%d `json:\"by_key\"`\n", i+3)
		}
		fmt.Fprintf(&b, "\tParent *M%d `json:\"parent\"`\n", i/2)
		if i%50 == 0 {
			b.WriteString("\tPasswordHash string " + tag("password_hash") + "\n")
		}
		if i%40 == 1 {
			b.WriteString("\tAPIToken string " + tag("api_token") + "\n")
		}
		b.WriteString("}\n\n")
	}
	for j := range benchHandlers {
		m := (j * 7) % benchModels
		fmt.Fprintf(&b, "func H%d(w http.ResponseWriter, r *http.Request) {\n", j)
		fmt.Fprintf(&b, "\tif r.Method != http.MethodGet {\n\t\thttp.Error(w, \"method\", http.StatusMethodNotAllowed)\n\t\treturn\n\t}\n")
		fmt.Fprintf(&b, "\tvar v M%d\n\tw.Header().Set(\"Content-Type\", \"application/json\")\n", m)
		switch j % 4 {
		case 0:
			b.WriteString("\tjson.NewEncoder(w).Encode(v)\n")
		case 1:
			b.WriteString("\tjson.NewEncoder(w).Encode([]*M0{})\n\t_ = v\n")
		case 2:
			fmt.Fprintf(&b, "\tjson.NewEncoder(w).Encode(Page[M%d]{Items: nil})\n\t_ = v\n", m)
		case 3:
			b.WriteString("\tbody, err := json.Marshal(map[string]any{\"data\": v, \"ok\": true})\n\tif err != nil {\n\t\treturn\n\t}\n\tw.Write(body)\n")
		}
		b.WriteString("}\n\n")
	}
	return b.String()
}

// loadBench writes the generated package to a temporary module and loads
// it with its syntax and types.
func loadBench(b *testing.B, leaky bool) *packages.Package {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module bench\n\ngo 1.26\n"), 0o666); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bench.go"), []byte(generate(leaky)), 0o666); err != nil {
		b.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedImports,
		Dir:  dir,
		Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		b.Fatalf("loading the generated package: %v %v", err, pkgs)
	}
	return pkgs[0]
}

// importer returns the imports of the loaded package, read from export
// data once.
type importer []*types.Package

func (imp importer) Import(path string) (*types.Package, error) {
	for _, p := range imp {
		if p.Path() == path {
			return p, nil
		}
	}
	return nil, fmt.Errorf("no package %s", path)
}

func typeCheck(b *testing.B, pkg *packages.Package) (*types.Package, *types.Info) {
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		Instances:    make(map[*ast.Ident]types.Instance),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{Importer: importer(pkg.Types.Imports())}
	tp, err := conf.Check(pkg.PkgPath, pkg.Fset, pkg.Syntax, info)
	if err != nil {
		b.Fatal(err)
	}
	return tp, info
}

func BenchmarkTypeCheck(b *testing.B) {
	pkg := loadBench(b, true)
	b.ResetTimer()
	start := cpuTime()
	for range b.N {
		typeCheck(b, pkg)
	}
	reportCPU(b, start)
}

// cpuTime returns the CPU time the process has used. Other engineers'
// jobs share the machine, so wall time is noisy; CPU time is what the
// benchmarks compare (cpu-ns/op), garbage collection included.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

func BenchmarkModel(b *testing.B) {
	benchAnalyzers(b, true, []*analysis.Analyzer{inspect.Analyzer, respmodel.Analyzer})
}

func BenchmarkJSONLeak(b *testing.B) {
	n := benchAnalyzers(b, true, []*analysis.Analyzer{inspect.Analyzer, respmodel.Analyzer, jsonleak.New()})
	if n < benchHandlers/2 {
		b.Fatalf("%d diagnostics on %d handlers that leak", n, benchHandlers)
	}
}

func BenchmarkJSONLeakClean(b *testing.B) {
	if n := benchAnalyzers(b, false, []*analysis.Analyzer{inspect.Analyzer, respmodel.Analyzer, jsonleak.New()}); n != 0 {
		b.Fatalf("%d diagnostics on handlers that leak nothing", n)
	}
}

// benchAnalyzers runs the analyzers, in order, on the generated package
// (type-checked once, outside the timing) and returns the number of
// diagnostics of the last run.
func benchAnalyzers(b *testing.B, leaky bool, as []*analysis.Analyzer) int {
	pkg := loadBench(b, leaky)
	tp, info := typeCheck(b, pkg)
	var diags int
	b.ResetTimer()
	start := cpuTime()
	defer reportCPU(b, start)
	for range b.N {
		diags = 0
		results := make(map[*analysis.Analyzer]any)
		for _, a := range as {
			pass := &analysis.Pass{
				Analyzer:          a,
				Fset:              pkg.Fset,
				Files:             pkg.Syntax,
				Pkg:               tp,
				TypesInfo:         info,
				TypesSizes:        types.SizesFor("gc", "amd64"),
				ResultOf:          results,
				Report:            func(analysis.Diagnostic) { diags++ },
				ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
				ExportObjectFact:  func(types.Object, analysis.Fact) {},
				ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
				ExportPackageFact: func(analysis.Fact) {},
				ReadFile:          os.ReadFile,
			}
			res, err := a.Run(pass)
			if err != nil {
				b.Fatal(err)
			}
			results[a] = res
		}
	}
	return diags
}
