package cache

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resplint/resplint/analyzers"
)

// writeModule writes files (name -> content) into a new directory.
func writeModule(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	authSrc = `package auth

import "net/http"

// SetAuth sets a cookie for its caller, without Secure.
func SetAuth(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}
`
	webSrc = `package web

import (
	"net/http"

	"example.com/web/auth"
)

func Remember(w http.ResponseWriter, r *http.Request) {
	auth.SetAuth(w, "session_id")
}
`
)

// messages returns the messages of diagnostics.
func messages(res *Result) string {
	var msgs []string
	for _, d := range res.Diagnostics {
		msgs = append(msgs, filepath.Base(d.Range.File)+": "+d.Message)
	}
	return strings.Join(msgs, "\n")
}

// After an edit, only the edited package and its importers are
// type-checked and analysed again, go list runs only when imports or
// files change, and facts of an edited helper reach its callers.
func TestIncremental(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/web\n\ngo 1.26\n",
		"auth/auth.go": authSrc,
		"web.go":       webSrc,
	})
	web, auth := filepath.Join(dir, "web.go"), filepath.Join(dir, "auth", "auth.go")
	c, err := New(Options{Analyzers: analyzers.All(), Sources: analyzers.Sources, Tests: true, Env: env()})
	if err != nil {
		t.Fatal(err)
	}
	files := []string{web, auth}
	overlay := make(map[string][]byte) // the editor's buffers
	step := func(name string, wantChecked, wantAnalysed, wantReloaded int, wantMsg string) {
		t.Helper()
		res, err := c.Run(context.Background(), files, overlay)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("%s: %v", name, res.Stats)
		st := res.Stats
		if wantChecked >= 0 && (st.TypeChecked != wantChecked || st.Analysed != wantAnalysed || st.Reloaded != wantReloaded) {
			t.Errorf("%s: type-checked %d, analysed %d, reloaded %d; want %d, %d, %d",
				name, st.TypeChecked, st.Analysed, st.Reloaded, wantChecked, wantAnalysed, wantReloaded)
		}
		if got := messages(res); !strings.Contains(got, wantMsg) || wantMsg == "" && got != "" {
			t.Errorf("%s: diagnostics\n%s\nwant one containing %q", name, got, wantMsg)
		}
	}

	step("first run", -1, -1, 1, `web.go: cookie "session_id" (set by auth.SetAuth) is set without Secure`)
	step("no change", 0, 0, 0, `web.go: cookie "session_id" (set by auth.SetAuth) is set without Secure`)

	overlay[auth] = []byte(strings.Replace(authSrc, "HttpOnly: true,", "HttpOnly: true, Secure: true,", 1))
	step("helper fixed", 2, 2, 0, "")

	direct := strings.Replace(webSrc, `auth.SetAuth(w, "session_id")`, `auth.SetAuth(w, "session_id")
	http.SetCookie(w, &http.Cookie{Name: "session", HttpOnly: true, Secure: true})`, 1)
	overlay[web] = []byte(direct)
	step("caller edited", 1, 1, 0, `web.go: cookie "session" is set without SameSite`)

	overlay[web] = []byte(strings.Replace(direct, `"net/http"`, `"net/http"
	_ "embed"`, 1))
	// web and embed are type-checked; embed, a dependency whose facts the
	// analyzers do not need, is not analysed.
	step("import added", 2, 1, 1,
		`web.go: cookie "session" is set without SameSite`)

	newFile := filepath.Join(dir, "login.go")
	files = append(files, newFile)
	overlay[newFile] = []byte("package web\n\nvar _ = 1\n")
	step("file added", 1, 1, 1, `web.go: cookie "session" is set without SameSite`)

	delete(overlay, auth)
	// The helper's first version is still cached: only the caller is checked.
	step("helper reverted", 1, 1, 0, `web.go: cookie "session_id" (set by auth.SetAuth) is set without Secure`)

	// New options: the dependencies, which kept only their types and
	// facts, are type-checked and analysed anew.
	all := analyzers.All()
	if err := all[0].Flags.Set("names", "^session$"); err != nil {
		t.Fatal(err)
	}
	if err := c.Reconfigure(Options{Analyzers: all, Sources: analyzers.Sources, Tests: true, Env: env()}); err != nil {
		t.Fatal(err)
	}
	step("reconfigured", -1, -1, 0, `web.go: cookie "session" is set without SameSite`)
	res, err := c.Run(context.Background(), files, overlay)
	if err != nil {
		t.Fatal(err)
	}
	if st := res.Stats; st.TypeChecked != 0 || strings.Contains(messages(res), "session_id") {
		t.Errorf("after reconfiguring: %v\n%s", st, messages(res))
	}
}
