// Package corpus writes a generated Go module of web handlers for
// measuring resplint at scale: handlers on every framework resplint
// models, model types that nest, embed and link across packages, helpers
// in other packages that set cookies and headers and write bodies, and
// session stores. The module requires the frameworks at the versions of
// the testdata module, so it builds offline from the same module cache.
//
// The corpus is made of features; each feature adds a model package, a
// helper package, a session store package, and one handler package per
// framework, so cost is measured against a size knob, Features.
package corpus

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
)

// ModulePath is the module path of a generated corpus.
const ModulePath = "corpus.example"

// Options says what to generate.
type Options struct {
	Features int    // number of features; each adds 9 packages
	Handlers int    // handlers per handler package (at least one of each pattern)
	Testdata string // the testdata module directory, whose go.mod requirements and go.sum are reused
	Repo     string // the resplint repository, which the testdata module replaces resplint with
	Stamp    string // if set, a comment added to every Go file, to make a copy whose analysis no cache has seen
}

// Frameworks are the handler packages of a feature, by directory name.
var Frameworks = []string{"nethttp", "gin", "echo4", "echo5", "fiber2", "fiber3"}

// Write writes a corpus module into dir, which need not exist. It returns
// the number of files written.
func Write(dir string, opts Options) (int, error) {
	if opts.Features < 1 {
		return 0, fmt.Errorf("corpus: need at least one feature")
	}
	opts.Handlers = max(opts.Handlers, patterns)
	files, err := moduleFiles(opts)
	if err != nil {
		return 0, err
	}
	for i := range opts.Features {
		addFeature(files, i, opts.Handlers)
	}
	files["cmd/server/main.go"] = serverMain(opts.Features)
	for name, src := range files {
		data := []byte(src)
		if strings.HasSuffix(name, ".go") {
			if opts.Stamp != "" {
				data = append([]byte("// stamp: "+opts.Stamp+"\n\n"), data...)
			}
			if data, err = format.Source(data); err != nil {
				return 0, fmt.Errorf("corpus: generated %s: %v", name, err)
			}
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return 0, err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return 0, err
		}
	}
	return len(files), nil
}

// WriteModule writes only the go.mod and go.sum files of a corpus into
// dir, for a module of other sources.
func WriteModule(dir string, opts Options) error {
	files, err := moduleFiles(opts)
	if err != nil {
		return err
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// moduleFiles returns go.mod and go.sum: the testdata module's
// requirements under ModulePath, with resplint replaced by opts.Repo.
func moduleFiles(opts Options) (map[string]string, error) {
	gomod, err := os.ReadFile(filepath.Join(opts.Testdata, "go.mod"))
	if err != nil {
		return nil, err
	}
	gosum, err := os.ReadFile(filepath.Join(opts.Testdata, "go.sum"))
	if err != nil {
		return nil, err
	}
	repo, err := filepath.Abs(opts.Repo)
	if err != nil {
		return nil, err
	}
	mod := string(gomod)
	mod = strings.Replace(mod, "module resplint.test", "module "+ModulePath, 1)
	mod = strings.Replace(mod, "=> ../", "=> "+repo, 1)
	return map[string]string{"go.mod": mod, "go.sum": string(gosum)}, nil
}

// addFeature adds the packages of feature i to files.
func addFeature(files map[string]string, i, handlers int) {
	f := feature{i: i}
	files[fmt.Sprintf("models/m%d/models.go", i)] = f.models()
	files[fmt.Sprintf("models/m%d/generic.go", i)] = f.generic()
	files[fmt.Sprintf("helpers/h%d/helpers.go", i)] = f.helpers()
	files[fmt.Sprintf("helpers/h%d/frameworks.go", i)] = f.frameworkHelpers()
	files[fmt.Sprintf("helpers/h%d/integration.go", i)] = f.tagged()
	files[fmt.Sprintf("stores/s%d/store.go", i)] = f.store()
	for _, fw := range Frameworks {
		dir := fmt.Sprintf("handlers/%s/p%d/", fw, i)
		files[dir+"handlers.go"] = f.handlers(fw, handlers)
		files[dir+"routes.go"] = f.routes(fw, handlers)
	}
	files[fmt.Sprintf("handlers/nethttp/p%d/handlers_test.go", i)] = f.test()
}

// serverMain returns the main package that mounts every feature.
func serverMain(features int) string {
	var imports, body bytes.Buffer
	for i := range features {
		for _, fw := range Frameworks {
			fmt.Fprintf(&imports, "\t%s%d %q\n", fw, i, fmt.Sprintf("%s/handlers/%s/p%d", ModulePath, fw, i))
		}
		fmt.Fprintf(&body, "\tnethttp%d.Register(r)\n\tgin%d.Register(g)\n\techo4%d.Register(e4)\n\techo5%d.Register(e5)\n\tfiber2%d.Register(f2)\n\tfiber3%d.Register(f3)\n", i, i, i, i, i, i)
	}
	return fmt.Sprintf(`// Command server mounts every generated feature.
package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"

%s)

func main() {
	r := chi.NewRouter()
	g := gin.New()
	e4 := echo4.New()
	e5 := echo5.New()
	f2 := fiber2.New()
	f3 := fiber3.New()
%s
	go func() { log.Fatal(f2.Listen(":8082")) }()
	go func() { log.Fatal(f3.Listen(":8083")) }()
	go func() { log.Fatal(e4.Start(":8084")) }()
	go func() { log.Fatal(g.Run(":8085")) }()
	_ = e5
	log.Fatal(http.ListenAndServe(":8080", r))
}
`, imports.String(), body.String())
}
