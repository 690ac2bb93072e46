package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A module whose path has no dot (module shop) is the user's code, not
// the standard library: its sanitizers tell the handlers of its other
// packages what they blank.
func TestDotlessModule(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module shop\n\ngo 1.22\n",
		"model/user.go": "package model\n\n" +
			"// User is a stored account.\n" +
			"type User struct {\n" +
			"\tName     string `json:\"name\"`\n" +
			"\tPassword string `json:\"password\"`\n" +
			"}\n\n" +
			"// Hide blanks the password.\n" +
			"func (u *User) Hide() { u.Password = \"\" }\n",
		"main.go": "package main\n\n" +
			"import (\n\t\"encoding/json\"\n\t\"net/http\"\n\n\t\"shop/model\"\n)\n\n" +
			"func load() *model.User { return &model.User{Name: \"ada\", Password: \"$2a$10$...\"} }\n\n" +
			"func hidden(w http.ResponseWriter, r *http.Request) {\n\tu := load()\n\tu.Hide()\n\tjson.NewEncoder(w).Encode(u)\n}\n\n" +
			"func shown(w http.ResponseWriter, r *http.Request) {\n\tjson.NewEncoder(w).Encode(load())\n}\n\n" +
			"func main() {\n\thttp.HandleFunc(\"POST /a\", hidden)\n\thttp.HandleFunc(\"POST /b\", shown)\n}\n",
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	res := resplint(t, dir, "-jsonleak", "./...")
	wantCode(t, res, 3)
	out := strings.TrimSpace(res.stdout + res.stderr)
	if lines := strings.Split(out, "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], "main.go:19:") {
		t.Errorf("want one report, at shown's write (main.go:19), got:\n%s", out)
	}
}

// A module that requires the main module and imports its packages back
// (a module cycle, as ccfos/nightingale and flashcatcloud/ibex): once
// built, so that its packages have export data, every package is
// analysed, and a helper's facts reach the main module's handler, both
// from the command and from go vet.
func TestModuleCycle(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(fixture(t, "modcycle"), "a")
	wantCode(t, goCommand(t, dir, "build", "./..."), 0)
	const want = `h/h.go:12:2: header "Content-Type" is set after ibex.Fail at line 11 sent the response header`

	res := resplint(t, dir, "./...")
	wantCode(t, res, 3)
	out := strings.TrimSpace(res.stdout + res.stderr)
	if lines := strings.Split(out, "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], want) {
		t.Errorf("want one report, %s..., got:\n%s", want, out)
	}

	res = goCommand(t, dir, "vet", "-vettool="+binary, "./...")
	if res.code == 0 || !strings.Contains(res.stderr, want) {
		t.Errorf("go vet: exit status %d, want a report %s...:\n%s", res.code, want, res.stderr)
	}
}
