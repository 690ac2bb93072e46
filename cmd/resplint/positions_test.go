package main

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// writeModule writes files (name -> content) to a new directory and
// returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// jsonDiagsOf returns the cookieflags diagnostics of -json output.
func jsonDiagsOf(t *testing.T, out string) []jsonDiag {
	t.Helper()
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	var all []jsonDiag
	for _, analyzers := range tree {
		var diags []jsonDiag
		if raw, ok := analyzers["cookieflags"]; ok {
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatal(err)
			}
		}
		all = append(all, diags...)
	}
	return all
}

// applyJSONFix applies the edits of fix (which must all be to dir/file)
// to that file's content and returns the result.
func applyJSONFix(t *testing.T, dir, file string, fix jsonFixOf) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	edits := slices.Clone(fix.Edits)
	slices.SortFunc(edits, func(a, b jsonEditOf) int { return b.Start - a.Start })
	src := string(data)
	for _, e := range edits {
		if e.Filename != filepath.Join(dir, file) {
			t.Fatalf("fix %q edits %s, want %s", fix.Message, e.Filename, filepath.Join(dir, file))
		}
		if e.Start < 0 || e.End < e.Start || e.End > len(src) {
			t.Fatalf("fix %q: edit [%d, %d) outside %s", fix.Message, e.Start, e.End, file)
		}
		src = src[:e.Start] + e.New + src[e.End:]
	}
	if _, err := parser.ParseFile(token.NewFileSet(), file, src, 0); err != nil {
		t.Errorf("fix %q leaves %s unparseable: %v\n%s", fix.Message, file, err, src)
	}
	return src
}

type (
	jsonFixOf = struct {
		Message string
		Edits   []jsonEditOf
	}
	jsonEditOf = struct {
		Filename   string
		Start, End int
		New        string
	}
)

// sarifLocation returns "uri:line[:col]" of the first location of each
// cookieflags/httponly result of SARIF output.
func sarifLocations(t *testing.T, out string) []string {
	t.Helper()
	log := validateSARIF(t, out)
	var locs []string
	for _, r := range log.Runs[0].Results {
		if r.RuleID != "cookieflags/httponly" {
			continue
		}
		pl := r.Locations[0].PhysicalLocation
		loc := pl.ArtifactLocation.URI + ":" + strconv.Itoa(pl.Region.StartLine)
		if pl.Region.StartColumn != 0 {
			loc += ":" + strconv.Itoa(pl.Region.StartColumn)
		}
		locs = append(locs, loc)
	}
	return locs
}

const cookieHandler = `func Login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "x"})
}
`

// A //line directive moves the positions shown, the same way in every
// output, but edits stay at the offsets of the file they change.
func TestLineDirective(t *testing.T) {
	t.Parallel()
	src := "package p\n\nimport \"net/http\"\n\n//line views.tmpl:40\n" + cookieHandler
	dir := writeModule(t, map[string]string{"go.mod": "module example.com/line\n\ngo 1.26\n", "p.go": src})

	res := resplint(t, dir, "./...")
	wantCode(t, res, exitFindings)
	if want := "views.tmpl:41: cookie \"session\" is set without HttpOnly"; !strings.Contains(res.stderr, want) {
		t.Errorf("text output lacks %q:\n%s", want, res.stderr)
	}

	res = resplint(t, dir, "-sarif", "./...")
	wantCode(t, res, exitOK)
	if got := sarifLocations(t, res.stdout); !slices.Equal(got, []string{"views.tmpl:41"}) {
		t.Errorf("SARIF locations %q, want views.tmpl:41", got)
	}

	res = resplint(t, dir, "-json", "./...")
	wantCode(t, res, exitOK)
	fixed := 0
	for _, d := range jsonDiagsOf(t, res.stdout) {
		if d.Category != "httponly" {
			continue
		}
		if want := filepath.Join(dir, "views.tmpl") + ":41"; d.Posn != want {
			t.Errorf("posn %s, want %s", d.Posn, want)
		}
		for _, f := range d.SuggestedFixes {
			got := applyJSONFix(t, dir, "p.go", jsonFixOf(f))
			want := map[string]string{
				"Set HttpOnly: true": `&http.Cookie{Name: "session", Value: "x", HttpOnly: true})`,
			}[f.Message]
			if want == "" {
				want = `http.SetCookie(w, httpsafe.SessionCookie("session", "x"))`
			}
			if !strings.Contains(got, want) {
				t.Errorf("fix %q gives\n%s\nwant it to contain %s", f.Message, got, want)
			}
			fixed++
		}
	}
	if fixed != 2 {
		t.Errorf("%d fixes of the httponly diagnostic, want 2:\n%s", fixed, res.stdout)
	}
}

// The files cgo generates are in the build cache: positions and edits in
// them are shown and made in the file they were generated from.
func TestCgo(t *testing.T) {
	t.Parallel()
	src := "package main\n\n/*\nstatic int one(void) { return 1; }\n*/\nimport \"C\"\n\nimport \"net/http\"\n\n" +
		cookieHandler + "\nfunc main() { _ = C.one(); http.HandleFunc(\"/\", Login) }\n"
	dir := writeModule(t, map[string]string{"go.mod": "module example.com/cgo\n\ngo 1.26\n", "main.go": src})
	env := []string{"CGO_ENABLED=1"}
	line := strconv.Itoa(lineOf(t, dir, "main.go", "http.SetCookie"))

	res := execEnv(t, dir, env, binary, "./...")
	wantCode(t, res, exitFindings)
	if want := "main.go:" + line + ":2: cookie \"session\" is set without HttpOnly"; !strings.Contains(res.stderr, want) {
		t.Errorf("text output lacks %q:\n%s", want, res.stderr)
	}

	res = execEnv(t, dir, env, binary, "-sarif", "./...")
	wantCode(t, res, exitOK)
	if got := sarifLocations(t, res.stdout); !slices.Equal(got, []string{"main.go:" + line + ":2"}) {
		t.Errorf("SARIF locations %q, want main.go:%s:2", got, line)
	}
	if strings.Contains(res.stdout, "go-build") {
		t.Errorf("SARIF names a file of the build cache:\n%s", res.stdout)
	}

	res = execEnv(t, dir, env, binary, "-json", "./...")
	wantCode(t, res, exitOK)
	fixes := 0
	for _, d := range jsonDiagsOf(t, res.stdout) {
		if d.Category != "httponly" {
			continue
		}
		if want := filepath.Join(dir, "main.go") + ":" + line + ":2"; d.Posn != want {
			t.Errorf("posn %s, want %s", d.Posn, want)
		}
		for _, f := range d.SuggestedFixes {
			got := applyJSONFix(t, dir, "main.go", jsonFixOf(f))
			if f.Message == "Set HttpOnly: true" && !strings.Contains(got, `Value: "x", HttpOnly: true})`) {
				t.Errorf("fix %q gives\n%s", f.Message, got)
			}
			fixes++
		}
	}
	if fixes == 0 {
		t.Errorf("no fix of the httponly diagnostic:\n%s", res.stdout)
	}

	res = execEnv(t, dir, env, binary, "-fix", "./...")
	wantCode(t, res, exitOK)
	got := snapshot(t, dir)["main.go"]
	if want := `Value: "x", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})`; !strings.Contains(got, want) {
		t.Errorf("main.go after -fix lacks %s:\n%s", want, got)
	}
	if r := execEnv(t, dir, env, goTool, "vet", "./..."); r.code != 0 {
		t.Errorf("fixed module does not vet:\n%s", r.stderr)
	}
}

// A fix that edits a line cgo rewrote (one that uses C) has an exact
// place in the source file only if the text on one side of each edit, to
// the line's start or end, is the same: here it is not, and -fix says
// so and changes nothing.
func TestCgoRewrittenLine(t *testing.T) {
	t.Parallel()
	src := "package main\n\n/*\nstatic int one(void) { return 1; }\n*/\nimport \"C\"\n\nimport \"net/http\"\n\n" +
		"func Login(w http.ResponseWriter, r *http.Request) {\n" +
		"\t_ = C.one(); http.SetCookie(w, &http.Cookie{Name: \"session\", Value: \"x\"}); _ = C.one()\n}\n\n" +
		"func main() { http.HandleFunc(\"/\", Login) }\n"
	dir := writeModule(t, map[string]string{"go.mod": "module example.com/cgo\n\ngo 1.26\n", "main.go": src})
	env := []string{"CGO_ENABLED=1"}

	res := execEnv(t, dir, env, binary, "-fix", "./...")
	wantCode(t, res, exitError)
	if !strings.Contains(res.stderr, "cgo rewrote") {
		t.Errorf("-fix does not say why it skipped the fix:\n%s", res.stderr)
	}
	if got := snapshot(t, dir)["main.go"]; got != src {
		t.Errorf("main.go changed:\n%s", got)
	}
	res = execEnv(t, dir, env, binary, "-json", "./...")
	for _, d := range jsonDiagsOf(t, res.stdout) {
		if len(d.SuggestedFixes) > 0 {
			t.Errorf("-json offers fixes %+v for a rewritten line", d.SuggestedFixes)
		}
	}
}
