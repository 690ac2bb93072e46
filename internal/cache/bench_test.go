package cache

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/resplint/resplint/analyzers"
)

// largeModule writes a module with the testdata module's requirements and
// a generated package, large, of files handlers on gin, echo, fiber and
// net/http, some calling a helper package for cookies, and a package,
// api, importing it. It returns the module's directory.
func largeModule(b *testing.B, files int) string {
	td := testdata(b)
	dir := b.TempDir()
	gomod, err := os.ReadFile(filepath.Join(td, "go.mod"))
	if err != nil {
		b.Fatal(err)
	}
	repo := filepath.Dir(td)
	gomod = []byte(strings.ReplaceAll(string(gomod), "=> ../", "=> "+repo))
	gosum, err := os.ReadFile(filepath.Join(td, "go.sum"))
	if err != nil {
		b.Fatal(err)
	}
	src := map[string]string{
		"go.mod": string(gomod),
		"go.sum": string(gosum),
		"large/helpers/helpers.go": `package helpers

import "net/http"

// SetAuth sets a cookie whose name its caller chooses, without Secure.
func SetAuth(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}
`,
		"api/api.go": `package api

import "resplint.test/large"

var Routes = large.Routes
`,
	}
	var routes strings.Builder
	for i := range files {
		src[fmt.Sprintf("large/h%03d.go", i)] = fmt.Sprintf(handlerTemplate, i)
		fmt.Fprintf(&routes, "\t\"/gin/%d\": ginLogin%d,\n", i, i)
	}
	src["large/routes.go"] = "package large\n\nimport \"github.com/gin-gonic/gin\"\n\nvar Routes = map[string]gin.HandlerFunc{\n" + routes.String() + "}\n"
	for name, content := range src {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

const handlerTemplate = `package large

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"resplint.test/large/helpers"
)

const version%[1]d = %[1]d

func ginLogin%[1]d(c *gin.Context) {
	c.SetCookie("session", strconv.Itoa(version%[1]d), 3600, "/", "", false, true)
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func echoLogin%[1]d(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	return c.String(http.StatusOK, "ok")
}

func fiberLogin%[1]d(c *fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "auth_token", Value: "v", HTTPOnly: true, SameSite: "Lax"})
	return c.SendString("ok")
}

func netLogin%[1]d(w http.ResponseWriter, r *http.Request) {
	helpers.SetAuth(w, "session_id", r.FormValue("v"))
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark"})
	sum := 0
	for i := range 10 {
		sum += i * version%[1]d
	}
	w.Write([]byte(strconv.Itoa(sum)))
}
`

// BenchmarkSave measures a save in a large package (200 files importing
// gin, echo and fiber) after the first run: the package and the one
// importing it are type-checked and analysed again, nothing else. The
// first run's time is reported as first-open-s, and the heap the cache
// keeps after it as kept-heap-MB.
func BenchmarkSave(b *testing.B) {
	dir := largeModule(b, 200)
	c, err := New(Options{Analyzers: analyzers.All(), Sources: analyzers.Sources, Tests: true, Env: env()})
	if err != nil {
		b.Fatal(err)
	}
	edited := filepath.Join(dir, "large", "h000.go")
	files := []string{edited, filepath.Join(dir, "api", "api.go")}
	start := time.Now()
	res, err := c.Run(context.Background(), files, nil)
	if err != nil {
		b.Fatal(err)
	}
	first := time.Since(start)
	if len(res.Broken) > 0 || len(res.Failures) > 0 {
		b.Fatalf("broken: %+v, failures: %v", res.Broken, res.Failures)
	}
	if n := len(res.Diagnostics); n < 200*4 {
		b.Fatalf("%d diagnostics, want at least 4 a file", n)
	}
	b.Logf("first run: %v", res.Stats)
	runtime.GC()
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	original := fmt.Sprintf(handlerTemplate, 0)
	i := 0
	for b.Loop() {
		i++
		overlay := map[string][]byte{edited: []byte(strings.Replace(original, "range 10", fmt.Sprintf("range %d", 10+i), 1))}
		res, err := c.Run(context.Background(), files, overlay)
		if err != nil {
			b.Fatal(err)
		}
		if st := res.Stats; st.TypeChecked != 2 || st.Analysed != 2 || st.Reloaded != 0 {
			b.Fatalf("save: %v; want 2 packages type-checked and analysed", st)
		}
	}
	b.ReportMetric(first.Seconds(), "first-open-s")
	b.ReportMetric(float64(mem.HeapAlloc)/(1<<20), "kept-heap-MB")
}
