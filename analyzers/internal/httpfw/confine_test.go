package httpfw

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
)

// libraries are modules the testdata module requires that are not HTTP
// frameworks: gorm, whose queries jsonleak's model reads for the columns
// they select, and go-oidc, a library the model's tests run over.
var libraries = map[string]bool{
	"gorm.io/gorm":                 true,
	"github.com/coreos/go-oidc/v3": true,
}

// TestConfined checks that framework knowledge lives in this package
// (docs/design.md): no Go file of the root module outside it names the
// import path of a framework, a module that testdata/go.mod requires
// directly and libraries does not list (resplint itself aside). Test files, testdata
// directories, nested modules (examples) and bench/corpus, which writes
// programs on the frameworks for the benchmark, are exempt. The standard
// library's net/http, encoding/json and the like are not modules and may
// be named where a check needs them. Nor may a string literal there
// spell a framework by its repository, as messages would
// ("gorilla/sessions", "labstack/echo"): the prose about a framework is
// its file's here too.
func TestConfined(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	here := filepath.Dir(file)
	root := filepath.Join(here, "..", "..", "..")
	mf, err := modfile.ParseLax("go.mod", readFile(t, filepath.Join(root, "testdata", "go.mod")), nil)
	if err != nil {
		t.Fatal(err)
	}
	self := modfile.ModulePath(readFile(t, filepath.Join(root, "go.mod")))
	var frameworks []string
	for _, r := range mf.Require {
		if !r.Indirect && !libraries[r.Mod.Path] && r.Mod.Path != self {
			frameworks = append(frameworks, r.Mod.Path)
		}
	}
	if len(frameworks) == 0 {
		t.Fatal("no frameworks in testdata/go.mod")
	}
	// A repository's name as a word of its own: "rs/cors", not the
	// end of "analyzers/cors".
	type repo struct {
		name string
		re   *regexp.Regexp
	}
	var repos []repo
	for _, fw := range frameworks {
		if name := repoName(fw); name != "" {
			repos = append(repos, repo{name, regexp.MustCompile(`(^|[^\w.-])` + regexp.QuoteMeta(name) + `($|[^\w.-])`)})
		}
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			switch {
			case path == here, d.Name() == "testdata", d.Name() == ".git", rel == filepath.Join("bench", "corpus"):
				return filepath.SkipDir
			case path != root:
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir // a nested module
				}
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, fw := range frameworks {
			if strings.Contains(string(src), fw) {
				t.Errorf("%s names %s: framework knowledge belongs in analyzers/internal/httpfw", rel, fw)
			}
		}
		for _, lit := range stringLits(t, path, src) {
			for _, r := range repos {
				if r.re.MatchString(lit) {
					t.Errorf("%s spells %s in a string: framework prose belongs in analyzers/internal/httpfw", rel, r.name)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// repoName returns a module path's owner and repository,
// "gorilla/sessions" for github.com/gorilla/sessions and "labstack/echo"
// for github.com/labstack/echo/v4, or "" when the path has no such two
// elements.
func repoName(module string) string {
	elems := strings.Split(module, "/")
	if strings.Contains(elems[0], ".") {
		elems = elems[1:]
	}
	if n := len(elems); n > 0 && strings.HasPrefix(elems[n-1], "v") {
		if _, err := strconv.Atoi(elems[n-1][1:]); err == nil {
			elems = elems[:n-1]
		}
	}
	if len(elems) != 2 {
		return ""
	}
	return elems[0] + "/" + elems[1]
}

// stringLits returns the values of the string literals of a Go file.
func stringLits(t *testing.T, name string, src []byte) []string {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if v, err := strconv.Unquote(lit.Value); err == nil {
				out = append(out, v)
			}
		}
		return true
	})
	return out
}

func readFile(t *testing.T, name string) []byte {
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
