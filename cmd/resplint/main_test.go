package main

import (
	"bytes"
	"debug/buildinfo"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// These tests build the command once and run it, and the go command with
// it as -vettool and -fixtool, on copies of the modules in testdata. The
// modules import only the standard library.

var (
	binary string // the resplint command under test
	goTool string // the go command
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	var err error
	if goTool, err = exec.LookPath("go"); err != nil {
		fmt.Fprintln(os.Stderr, "go command not found:", err)
		return 1
	}
	dir, err := os.MkdirTemp("", "resplint-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	// Keep the fact cache of the runs under test out of the user's.
	os.Setenv("RESPLINT_CACHE", filepath.Join(dir, "facts"))
	binary = filepath.Join(dir, "resplint")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	if out, err := exec.Command(goTool, "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building resplint: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// fixture copies the module testdata/name to a temporary directory and
// returns that directory.
func fixture(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join("testdata", name))); err != nil {
		t.Fatal(err)
	}
	return dst
}

// result is the outcome of running a command.
type result struct {
	stdout, stderr string
	code           int
}

// execIn runs the program with args in dir.
func execIn(t *testing.T, dir, program string, args ...string) result {
	t.Helper()
	return execEnv(t, dir, nil, program, args...)
}

// execEnv runs the program with args in dir, with env added to the
// environment (overriding what it sets).
func execEnv(t *testing.T, dir string, env []string, program string, args ...string) result {
	t.Helper()
	cmd := exec.Command(program, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout.String(), stderr.String(), 0}
	if exitErr, ok := errors.AsType[*exec.ExitError](err); ok {
		res.code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s %s: %v", program, strings.Join(args, " "), err)
	}
	return res
}

// resplint runs the command under test with args in dir.
func resplint(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return execIn(t, dir, binary, args...)
}

// goCommand runs the go command with args in dir.
func goCommand(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return execIn(t, dir, goTool, args...)
}

// wantCode fails the test unless res has the exit status want.
func wantCode(t *testing.T, res result, want int) {
	t.Helper()
	if res.code != want {
		t.Fatalf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, want, res.stdout, res.stderr)
	}
}

// lineOf returns the number of the first line of dir/file containing s.
func lineOf(t *testing.T, dir, file, s string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, s) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line containing %q", file, s)
	return 0
}

// snapshot returns the contents of the files below dir, by relative path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameFiles fails the test if the two snapshots differ.
func sameFiles(t *testing.T, got, want map[string]string) {
	t.Helper()
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s changed:\n%s", name, got[name])
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s was created", name)
		}
	}
}

// A textDiag is a parsed line of text output.
type textDiag struct {
	file               string
	line, col          int
	message            string
	analyzer, category string
}

var textLine = regexp.MustCompile(`^(.+?):(\d+):(\d+): (.*) \(([a-z]+)(?:/([a-z]+))?\)$`)

// parseText parses text output, failing the test on a malformed line.
func parseText(t *testing.T, out string) []textDiag {
	t.Helper()
	var diags []textDiag
	for line := range strings.Lines(out) {
		m := textLine.FindStringSubmatch(strings.TrimSuffix(line, "\n"))
		if m == nil {
			t.Fatalf("malformed diagnostic line %q in output:\n%s", line, out)
		}
		ln, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		diags = append(diags, textDiag{m[1], ln, col, m[4], m[5], m[6]})
	}
	return diags
}

// categoriesAt returns the categories of the cookieflags diagnostics at
// file:line whose message begins with prefix and names the attribute that
// matches the category.
func categoriesAt(diags []textDiag, file string, line int, prefix string) []string {
	attr := map[string]string{"httponly": "HttpOnly", "secure": "Secure", "samesite": "SameSite"}
	var cats []string
	for _, d := range diags {
		if d.file == file && d.line == line && d.analyzer == "cookieflags" &&
			strings.HasPrefix(d.message, prefix) && strings.Contains(d.message, attr[d.category]) {
			cats = append(cats, d.category)
		}
	}
	slices.Sort(cats)
	return cats
}

func TestTextOutput(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "web")
	res := resplint(t, dir, "./...")
	wantCode(t, res, exitFindings)
	if res.stdout != "" {
		t.Errorf("unexpected standard output:\n%s", res.stdout)
	}
	diags := parseText(t, res.stderr)

	login := lineOf(t, dir, "handlers.go", `Name: "session", Value: v}`)
	if got, want := categoriesAt(diags, "handlers.go", login, `cookie "session"`), []string{"httponly", "samesite", "secure"}; !slices.Equal(got, want) {
		t.Errorf("at handlers.go:%d got categories %v, want %v\n%s", login, got, want, res.stderr)
	}
	// Reported at the caller through the facts of package auth.
	remember := lineOf(t, dir, "handlers.go", `auth.SetAuth(w, "session"`)
	if got := categoriesAt(diags, "handlers.go", remember, `cookie "session"`); !slices.Contains(got, "secure") {
		t.Errorf("no secure diagnostic at handlers.go:%d\n%s", remember, res.stderr)
	}
	theme := lineOf(t, dir, "handlers.go", `Name: "theme"`)
	for _, d := range diags {
		if d.line == theme {
			t.Errorf("non-sensitive cookie reported without -cookieflags.all: %+v", d)
		}
	}

	// Sorted by position, without duplicates (the package has a test
	// variant), with paths relative to the directory.
	for i, d := range diags {
		if filepath.IsAbs(d.file) {
			t.Errorf("path %s is not relative", d.file)
		}
		if i > 0 {
			p := diags[i-1]
			if p == d {
				t.Errorf("duplicate diagnostic %+v", d)
			}
			if p.file > d.file || p.file == d.file && (p.line > d.line || p.line == d.line && p.col > d.col) {
				t.Errorf("diagnostics out of order: %+v before %+v", p, d)
			}
		}
	}
}

func TestCleanExitsZero(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "clean")
	res := resplint(t, dir, "./...")
	wantCode(t, res, exitOK)
	if res.stdout != "" || res.stderr != "" {
		t.Errorf("unexpected output:\nstdout:\n%s\nstderr:\n%s", res.stdout, res.stderr)
	}
}

// A jsonDiag is a diagnostic in the JSON output.
type jsonDiag struct {
	Category       string `json:"category"`
	Posn           string `json:"posn"`
	End            string `json:"end"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename   string `json:"filename"`
			Start, End int
			New        string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

func TestJSON(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "web")
	res := resplint(t, dir, "-json", "./...")
	wantCode(t, res, exitOK)

	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(res.stdout), &tree); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, res.stdout)
	}
	login := fmt.Sprintf("%s:%d:", filepath.Join(dir, "handlers.go"), lineOf(t, dir, "handlers.go", `Name: "session", Value: v}`))
	fixes := make(map[string]string) // category -> new text of first fix
	for pkg, analyzers := range tree {
		raw, ok := analyzers["cookieflags"]
		if !ok {
			continue
		}
		var diags []jsonDiag
		if err := json.Unmarshal(raw, &diags); err != nil {
			t.Fatalf("package %s: cookieflags has no list of diagnostics: %v\n%s", pkg, err, raw)
		}
		for _, d := range diags {
			if !strings.HasPrefix(d.Posn, login) || !strings.HasPrefix(d.Message, `cookie "session"`) {
				continue
			}
			if len(d.SuggestedFixes) == 0 {
				t.Errorf("diagnostic %q has no fix", d.Message)
				continue
			}
			var text strings.Builder
			for _, e := range d.SuggestedFixes[0].Edits {
				text.WriteString(e.New)
			}
			fixes[d.Category] = text.String()
		}
	}
	want := map[string]string{"httponly": "HttpOnly: true", "secure": "Secure: true", "samesite": "SameSite: http.SameSiteLaxMode"}
	for cat, text := range want {
		if got, ok := fixes[cat]; !ok {
			t.Errorf("no %s diagnostic at %s in\n%s", cat, login, res.stdout)
		} else if !strings.Contains(got, text) {
			t.Errorf("fix for %s inserts %q, want it to contain %q", cat, got, text)
		}
	}
}

func TestFix(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "web")
	res := resplint(t, dir, "-fix", "./...")
	wantCode(t, res, exitOK)
	if res.stderr != "" {
		t.Errorf("unexpected standard error:\n%s", res.stderr)
	}

	login := lineOf(t, dir, "handlers.go", `Name: "session"`)
	fixed := snapshot(t, dir)
	line := strings.Split(fixed["handlers.go"], "\n")[login-1]
	for _, want := range []string{"HttpOnly: true", "Secure: true", "SameSite: http.SameSiteLaxMode"} {
		if !strings.Contains(line, want) {
			t.Errorf("fixed line %d does not contain %q:\n%s", login, want, fixed["handlers.go"])
		}
	}
	if r := goCommand(t, dir, "vet", "./..."); r.code != 0 {
		t.Errorf("fixed module does not build or vet:\n%s", r.stderr)
	}

	// The fixed module has no diagnostics left at the fixed call, and
	// fixing it again changes nothing.
	res = resplint(t, dir, "./...")
	for _, d := range parseText(t, res.stderr) {
		if d.file == "handlers.go" && d.line == login {
			t.Errorf("diagnostic left after -fix: %+v", d)
		}
	}
	res = resplint(t, dir, "-fix", "./...")
	wantCode(t, res, exitOK)
	sameFiles(t, snapshot(t, dir), fixed)

	// With nothing left to fix, -diff prints nothing and exits 0, though
	// diagnostics without a fix remain.
	if res := resplint(t, dir, "./..."); res.code != exitFindings {
		t.Fatalf("no diagnostic without a fix is left to test -diff with:\n%s", res.stderr)
	}
	res = resplint(t, dir, "-diff", "./...")
	wantCode(t, res, exitOK)
	if res.stdout != "" {
		t.Errorf("-diff printed a change after -fix:\n%s", res.stdout)
	}
}

// -fix changes only the line it fixes: a function gofmt would rewrite
// is left as it is, and the file keeps its CRLF line ends.
func TestFixKeepsLayout(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := strings.ReplaceAll(`package p

import "net/http"

func Login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: r.FormValue("v")})
}

func   ugly( ) int {
x:=1
    return x
}
`, "\n", "\r\n")
	for name, text := range map[string]string{"go.mod": "module example.com/crlf\n\ngo 1.26\n", "p.go": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	wantCode(t, resplint(t, dir, "-fix", "./..."), exitOK)
	got := snapshot(t, dir)["p.go"]
	if strings.Count(got, "\n") != strings.Count(got, "\r\n") {
		t.Errorf("p.go has line ends that are not CRLF:\n%q", got)
	}
	before, after := strings.Split(src, "\r\n"), strings.Split(got, "\r\n")
	if len(after) != len(before) {
		t.Fatalf("p.go has %d lines, want %d:\n%s", len(after), len(before), got)
	}
	for i := range before {
		fixed := strings.Contains(before[i], "http.SetCookie")
		switch {
		case fixed && !strings.Contains(after[i], "HttpOnly: true"):
			t.Errorf("line %d was not fixed: %q", i+1, after[i])
		case !fixed && after[i] != before[i]:
			t.Errorf("line %d changed from %q to %q", i+1, before[i], after[i])
		}
	}
	if r := goCommand(t, dir, "vet", "./..."); r.code != 0 {
		t.Errorf("fixed module does not build or vet:\n%s", r.stderr)
	}
}

func TestDiff(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "web")
	before := snapshot(t, dir)
	// A change to make exits 3, like diagnostics in text mode.
	res := resplint(t, dir, "-diff", "./...")
	wantCode(t, res, exitFindings)
	sameFiles(t, snapshot(t, dir), before)

	if !strings.HasPrefix(res.stdout, "--- a/handlers.go\n+++ b/handlers.go\n@@ -") {
		t.Fatalf("output is not a unified diff of handlers.go:\n%s", res.stdout)
	}
	var removed, added bool
	for line := range strings.Lines(res.stdout) {
		removed = removed || strings.HasPrefix(line, "-") && strings.Contains(line, `Name: "session", Value: v}`)
		added = added || strings.HasPrefix(line, "+") && strings.Contains(line, "HttpOnly: true")
	}
	if !removed || !added {
		t.Errorf("diff does not replace the session cookie literal:\n%s", res.stdout)
	}
}

func TestAnalyzerFlags(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "web")
	login := lineOf(t, dir, "handlers.go", `Name: "session", Value: v}`)
	theme := lineOf(t, dir, "handlers.go", `Name: "theme"`)

	t.Run("disable", func(t *testing.T) {
		t.Parallel()
		res := resplint(t, dir, "-cookieflags=false", "./...")
		wantCode(t, res, exitOK)
		if res.stderr != "" {
			t.Errorf("unexpected output:\n%s", res.stderr)
		}
	})
	t.Run("enable", func(t *testing.T) {
		t.Parallel()
		res := resplint(t, dir, "-cookieflags", "./...")
		wantCode(t, res, exitFindings)
	})
	t.Run("names", func(t *testing.T) {
		t.Parallel()
		res := resplint(t, dir, "-cookieflags.names=^nomatch$", "./...")
		wantCode(t, res, exitOK)
		for _, d := range parseText(t, res.stderr) {
			if strings.HasPrefix(d.message, `cookie "session"`) {
				t.Errorf("session cookie reported though its name does not match: %+v", d)
			}
		}
	})
	t.Run("all", func(t *testing.T) {
		t.Parallel()
		res := resplint(t, dir, "-cookieflags.all", "./...")
		wantCode(t, res, exitFindings)
		diags := parseText(t, res.stderr)
		got := categoriesAt(diags, "handlers.go", theme, `cookie "theme"`)
		if !slices.Contains(got, "httponly") || !slices.Contains(got, "secure") {
			t.Errorf("theme cookie at line %d: got categories %v, want httponly and secure\n%s", theme, got, res.stderr)
		}
		if len(categoriesAt(diags, "handlers.go", login, `cookie "session"`)) != 3 {
			t.Errorf("session cookie no longer reported:\n%s", res.stderr)
		}
	})
	t.Run("bad value", func(t *testing.T) {
		t.Parallel()
		res := resplint(t, dir, "-cookieflags.names=(", "./...")
		wantCode(t, res, exitUsage)
		if !strings.Contains(res.stderr, "cookieflags.names") {
			t.Errorf("error does not name the flag:\n%s", res.stderr)
		}
	})
	t.Run("unknown", func(t *testing.T) {
		t.Parallel()
		res := resplint(t, dir, "-nosuchflag", "./...")
		wantCode(t, res, exitUsage)
	})
}

func TestUsage(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "clean")
	for _, tc := range []struct {
		args []string
		code int
		want string // in standard error
	}{
		{nil, exitUsage, "usage: resplint"},
		{[]string{"-json", "-fix", "./..."}, exitUsage, "-json cannot be used with -fix"},
		{[]string{"-sarif", "-diff", "./..."}, exitUsage, "-sarif cannot be used with -fix or -diff"},
		{[]string{"-sarif", "-json", "./..."}, exitUsage, "-json cannot be used with -sarif"},
		{[]string{"-help"}, exitOK, "usage: resplint"},
		{[]string{"./nosuchdir"}, exitError, "resplint: "},
	} {
		res := resplint(t, dir, tc.args...)
		if res.code != tc.code || !strings.Contains(res.stderr, tc.want) {
			t.Errorf("resplint %s: exit status %d, standard error:\n%s\nwant status %d and %q", strings.Join(tc.args, " "), res.code, res.stderr, tc.code, tc.want)
		}
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "clean")
	res := resplint(t, dir, "help")
	wantCode(t, res, exitOK)
	for _, want := range []string{"cookieflags", "-json", "-fix", "Exit status"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("help does not mention %q:\n%s", want, res.stdout)
		}
	}
	res = resplint(t, dir, "help", "cookieflags")
	wantCode(t, res, exitOK)
	for _, want := range []string{"cookieflags: ", "-cookieflags.names", "-cookieflags.all"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("help cookieflags does not mention %q:\n%s", want, res.stdout)
		}
	}
	res = resplint(t, dir, "help", "nosuch")
	wantCode(t, res, exitUsage)
}

func TestHelpCommands(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "clean")
	res := resplint(t, dir, "help")
	wantCode(t, res, exitOK)
	for _, want := range []string{"resplint [flags] lsp ", "resplint version ", "-version"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("help does not mention %q:\n%s", want, res.stdout)
		}
	}
	for cmd, want := range map[string][]string{
		"lsp":     {"resplint lsp: a language server", "initializationOptions", "docs/editors.md"},
		"version": {"resplint version: print the version", "(devel)"},
	} {
		res := resplint(t, dir, "help", cmd)
		wantCode(t, res, exitOK)
		for _, w := range want {
			if !strings.Contains(res.stdout, w) {
				t.Errorf("help %s does not mention %q:\n%s", cmd, w, res.stdout)
			}
		}
	}
	// Analyzers and commands mix.
	res = resplint(t, dir, "help", "lsp", "cookieflags")
	wantCode(t, res, exitOK)
	if !strings.Contains(res.stdout, "resplint lsp: ") || !strings.Contains(res.stdout, "-cookieflags.names") {
		t.Errorf("help lsp cookieflags does not describe both:\n%s", res.stdout)
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	info, err := buildinfo.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	want := versionOf(info)
	dir := fixture(t, "clean")
	for _, args := range [][]string{{"version"}, {"-version"}} {
		res := resplint(t, dir, args...)
		wantCode(t, res, exitOK)
		if res.stdout != "resplint "+want+"\n" {
			t.Errorf("resplint %s printed %q, want %q", args[0], res.stdout, "resplint "+want+"\n")
		}
	}
	res := resplint(t, dir, "version", "extra")
	wantCode(t, res, exitUsage)

	log := validateSARIF(t, resplint(t, dir, "-sarif", "./...").stdout)
	if got := log.Runs[0].Tool.Driver.Version; got != want {
		t.Errorf("SARIF tool.driver.version = %q, want %q", got, want)
	}
}

func TestVersionOf(t *testing.T) {
	const rev = "0123456789abcdef0123456789abcdef01234567"
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, tc := range []struct {
		version  string
		settings []debug.BuildSetting
		want     string
	}{
		{"v1.4.0", nil, "v1.4.0"},
		{"v0.0.0-20260102150405-0123456789ab+dirty", vcs("true"), "v0.0.0-20260102150405-0123456789ab+dirty"},
		{"(devel)", vcs("false"), "(devel) " + rev},
		{"(devel)", vcs("true"), "(devel) " + rev + "+dirty"},
		{"(devel)", nil, "(devel)"},
		{"", nil, "(devel)"},
	} {
		info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/resplint/resplint", Version: tc.version}, Settings: tc.settings}
		if got := versionOf(info); got != tc.want {
			t.Errorf("versionOf(%q, %v) = %q, want %q", tc.version, tc.settings, got, tc.want)
		}
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	src := filepath.Join("testdata", "bad")
	undefined := lineOf(t, src, "broken/broken.go", "Value: x}")
	good := lineOf(t, src, "good/good.go", `Name: "session"`)
	testonly := lineOf(t, src, "testonly/testonly.go", `Name: "session"`)

	checkErrors := func(t *testing.T, res result) {
		t.Helper()
		wantCode(t, res, exitError)
		for _, want := range []string{
			"resplint: package example.com/bad/broken: 2 type errors:\n\tbroken/broken.go:" + strconv.Itoa(undefined) + ":",
			"undefined: x",
			// Only the test variant has errors: it is the one named.
			"resplint: package example.com/bad/testonly [example.com/bad/testonly.test]: 1 type error:\n\ttestonly/testonly_test.go:",
		} {
			if !strings.Contains(res.stderr, want) {
				t.Errorf("standard error does not contain %q:\n%s", want, res.stderr)
			}
		}
		for _, bad := range []string{"panic", "goroutine "} {
			if strings.Contains(res.stderr, bad) {
				t.Errorf("standard error contains %q:\n%s", bad, res.stderr)
			}
		}
	}

	t.Run("text", func(t *testing.T) {
		t.Parallel()
		dir := fixture(t, "bad")
		res := resplint(t, dir, "./...")
		checkErrors(t, res)
		// Packages that type-check are still analysed.
		diags := parseText(t, strings.Join(slices.DeleteFunc(strings.SplitAfter(res.stderr, "\n"), func(line string) bool {
			return line == "" || strings.HasPrefix(line, "resplint: ") || strings.HasPrefix(line, "\t")
		}), ""))
		if len(categoriesAt(diags, "good/good.go", good, `cookie "session"`)) != 3 {
			t.Errorf("package good was not analysed:\n%s", res.stderr)
		}
		// So is a package whose tests alone do not.
		if len(categoriesAt(diags, "testonly/testonly.go", testonly, `cookie "session"`)) != 3 {
			t.Errorf("package testonly was not analysed:\n%s", res.stderr)
		}
	})
	t.Run("json", func(t *testing.T) {
		t.Parallel()
		dir := fixture(t, "bad")
		res := resplint(t, dir, "-json", "./...")
		checkErrors(t, res)
		if !json.Valid([]byte(res.stdout)) {
			t.Errorf("output is not JSON:\n%s", res.stdout)
		}
	})
	t.Run("fix", func(t *testing.T) {
		t.Parallel()
		dir := fixture(t, "bad")
		before := snapshot(t, dir)
		res := resplint(t, dir, "-fix", "./...")
		checkErrors(t, res)
		if strings.Contains(res.stderr, "not fixing testonly/") {
			t.Errorf("a file of package testonly was not fixed:\n%s", res.stderr)
		}
		after := snapshot(t, dir)
		for _, name := range []string{"broken/broken.go", "testonly/testonly_test.go"} {
			if after[name] != before[name] {
				t.Errorf("%s was changed:\n%s", name, after[name])
			}
		}
		// testonly.go type-checks without the broken test, and is fixed.
		for _, name := range []string{"good/good.go", "testonly/testonly.go"} {
			if !strings.Contains(after[name], "HttpOnly: true") {
				t.Errorf("%s was not fixed:\n%s", name, after[name])
			}
		}
	})
}

func TestToolProtocol(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "clean")
	res := resplint(t, dir, "-V=full")
	wantCode(t, res, exitOK)
	if f := strings.Fields(res.stdout); len(f) < 3 || f[1] != "version" || !strings.HasPrefix(f[len(f)-1], "buildID=") {
		t.Errorf("-V=full printed %q, want \"NAME version ... buildID=...\"", res.stdout)
	}

	res = resplint(t, dir, "-flags")
	wantCode(t, res, exitOK)
	var flags []struct {
		Name string
		Bool bool
	}
	if err := json.Unmarshal([]byte(res.stdout), &flags); err != nil {
		t.Fatalf("-flags did not print JSON: %v\n%s", err, res.stdout)
	}
	for _, want := range []struct {
		Name string
		Bool bool
	}{{"cookieflags", true}, {"cookieflags.names", false}, {"cookieflags.all", true}, {"json", true}} {
		if !slices.Contains(flags, want) {
			t.Errorf("-flags does not list %+v:\n%s", want, res.stdout)
		}
	}
}

func TestVetTool(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "web")
	login := lineOf(t, dir, "handlers.go", `Name: "session", Value: v}`)
	remember := lineOf(t, dir, "handlers.go", `auth.SetAuth(w, "session"`)
	theme := lineOf(t, dir, "handlers.go", `Name: "theme"`)

	// go vet prints "file:line:col: message" without the analyzer.
	vetLines := func(res result, line int) []string {
		var msgs []string
		prefix := fmt.Sprintf("handlers.go:%d:", line)
		for l := range strings.Lines(res.stderr) {
			if strings.HasPrefix(l, prefix) {
				msgs = append(msgs, l)
			}
		}
		return msgs
	}

	res := goCommand(t, dir, "vet", "-vettool="+binary, "./...")
	if res.code == 0 {
		t.Fatalf("go vet succeeded:\n%s", res.stderr)
	}
	msgs := strings.Join(vetLines(res, login), "")
	for _, attr := range []string{"HttpOnly", "Secure", "SameSite"} {
		if !strings.Contains(msgs, `cookie "session"`) || !strings.Contains(msgs, attr) {
			t.Errorf("go vet did not report %s at handlers.go:%d:\n%s", attr, login, res.stderr)
		}
	}
	if msgs := strings.Join(vetLines(res, remember), ""); !strings.Contains(msgs, "Secure") {
		t.Errorf("go vet did not report Secure through the facts of the helper at handlers.go:%d:\n%s", remember, res.stderr)
	}
	if len(vetLines(res, theme)) > 0 {
		t.Errorf("go vet reported the theme cookie:\n%s", res.stderr)
	}

	// Analyzer flags pass through go vet.
	res = goCommand(t, dir, "vet", "-vettool="+binary, "-cookieflags.all", "./...")
	if msgs := strings.Join(vetLines(res, theme), ""); !strings.Contains(msgs, `cookie "theme"`) {
		t.Errorf("go vet -cookieflags.all did not report the theme cookie:\n%s", res.stderr)
	}
	res = goCommand(t, dir, "vet", "-vettool="+binary, "-cookieflags=false", "./...")
	wantCode(t, res, 0)
}

func TestFixTool(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "web")
	before := snapshot(t, dir)
	login := lineOf(t, dir, "handlers.go", `Name: "session", Value: v}`)

	// go fix -diff prints the changes, exits 1 and writes nothing.
	res := goCommand(t, dir, "fix", "-fixtool="+binary, "-diff", "./...")
	if res.code != 1 || !strings.Contains(res.stdout, "+") || !strings.Contains(res.stdout, "HttpOnly: true") {
		t.Errorf("go fix -diff: exit status %d, output:\n%s\n%s", res.code, res.stdout, res.stderr)
	}
	sameFiles(t, snapshot(t, dir), before)

	res = goCommand(t, dir, "fix", "-fixtool="+binary, "./...")
	wantCode(t, res, 0)
	fixed := snapshot(t, dir)
	line := strings.Split(fixed["handlers.go"], "\n")[login-1]
	for _, want := range []string{"HttpOnly: true", "Secure: true", "SameSite: http.SameSiteLaxMode"} {
		if !strings.Contains(line, want) {
			t.Errorf("go fix did not add %q:\n%s", want, fixed["handlers.go"])
		}
	}
	if r := goCommand(t, dir, "vet", "./..."); r.code != 0 {
		t.Errorf("fixed module does not build or vet:\n%s", r.stderr)
	}
}

func TestRelativeCache(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "web")
	before := snapshot(t, dir)
	res := execEnv(t, dir, []string{"RESPLINT_CACHE=facts"}, binary, "./...")
	wantCode(t, res, exitError)
	if want := "resplint: RESPLINT_CACHE is not an absolute path: \"facts\""; !strings.HasPrefix(res.stderr, want) {
		t.Errorf("standard error does not begin with %q:\n%s", want, res.stderr)
	}
	// Nothing was written into the module.
	sameFiles(t, snapshot(t, dir), before)
	if _, err := os.Stat(filepath.Join(dir, "facts")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a cache directory was created in the module: %v", err)
	}
}

func TestNewerGoVersion(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod":  "module example.com/future\n\ngo 1.99\n",
		"main.go": "package main\n\nfunc main() {}\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	res := execEnv(t, dir, []string{"GOTOOLCHAIN=local"}, binary, "./...")
	wantCode(t, res, exitError)
	// The go command's words, as go vet prints them, on one line.
	want := regexp.MustCompile(`^resplint: go.mod requires go >= 1\.99 \(running go [^;]+; GOTOOLCHAIN=local\)\n$`)
	if !want.MatchString(res.stderr) {
		t.Errorf("standard error is not a plain statement of the go version needed:\n%s", res.stderr)
	}
}
