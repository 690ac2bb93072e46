package plugin_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestGolangciLint builds a golangci-lint that contains the plugin (see
// gcl_test.go) and runs it on testdata/gcl with .golangci.example.yml as
// written and with other settings. The first build takes minutes, so the
// test runs only when RESPLINT_GCL_E2E=1 (as .ci/run does); a failing
// build fails it.
func TestGolangciLint(t *testing.T) {
	if os.Getenv("RESPLINT_GCL_E2E") != "1" {
		t.Skip("set RESPLINT_GCL_E2E=1 to build golangci-lint with the plugin and run it")
	}
	root := repoRoot(t)
	bin := customGCL(t, root)
	cache := t.TempDir() // golangci-lint's cache, shared by the runs below

	src := filepath.Join("testdata", "gcl")
	lines := map[string]int{}
	for name, s := range map[string]string{
		"login":     `Name: "session"`,
		"theme":     `Name: "theme"`,
		"remember":  `Name: "remember"`,
		"directive": "//resplint:ignore cookieflags\n",
	} {
		lines[name] = lineOf(t, filepath.Join(src, "handlers.go"), s)
	}
	login := fmt.Sprintf("handlers.go:%d:2", lines["login"])
	remember := fmt.Sprintf("handlers.go:%d:2", lines["remember"])
	directive := fmt.Sprintf("handlers.go:%d:2", lines["directive"])
	theme := fmt.Sprintf("handlers.go:%d:2", lines["theme"])

	example, err := os.ReadFile(filepath.Join(root, ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name   string
		config string
		want   []string // "file:line:col text-prefix", sorted
	}{
		{
			// Positions, categories' messages, //nolint:resplint and
			// //resplint:ignore (the Quiet and Ignored cookies).
			name:   "example",
			config: string(example),
			want: []string{
				login + ` cookieflags: cookie "session" is set without HttpOnly`,
				login + ` cookieflags: cookie "session" is set without SameSite`,
				login + ` cookieflags: cookie "session" is set without Secure`,
				directive + ` directives: //resplint:ignore cookieflags has no reason`,
				remember + ` cookieflags: cookie "remember" is set without Secure`,
			},
		},
		{
			name:   "all",
			config: pluginConfig("cookieflags: {all: true}"),
			want: []string{
				login + ` cookieflags: cookie "session" is set without HttpOnly`,
				login + ` cookieflags: cookie "session" is set without SameSite`,
				login + ` cookieflags: cookie "session" is set without Secure`,
				theme + ` cookieflags: cookie "theme" is set without HttpOnly`,
				theme + ` cookieflags: cookie "theme" is set without Secure`,
				directive + ` directives: //resplint:ignore cookieflags has no reason`,
				remember + ` cookieflags: cookie "remember" is set without Secure`,
			},
		},
		{
			name:   "names",
			config: pluginConfig(`cookieflags: {names: "^remember$"}`),
			want: []string{
				directive + ` directives: //resplint:ignore cookieflags has no reason`,
				remember + ` cookieflags: cookie "remember" is set without Secure`,
			},
		},
		{
			name:   "disabled",
			config: pluginConfig("cookieflags: false"),
			want: []string{
				directive + ` directives: //resplint:ignore cookieflags has no reason`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runGCL(t, bin, src, cache, tc.config)
			if res.code != 1 {
				t.Fatalf("exit status %d, want 1 (issues found)\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
			}
			got := issues(t, res.stdout)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d issues, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("issue %d is\n\t%s\nwant\n\t%s...", i, got[i], w)
				}
			}
		})
	}

	// Bad settings stop golangci-lint with a clear error.
	for _, tc := range []struct{ settings, want string }{
		{`cookieflags: {names: "("}`, `resplint settings: cookieflags.names: invalid value "(": error parsing regexp`},
		{`cookieflag: {all: true}`, `resplint settings: unknown analyzer "cookieflag"`},
		{`cookieflags: {nmes: x}`, `resplint settings: cookieflags has no option "nmes"`},
	} {
		t.Run("bad "+tc.settings, func(t *testing.T) {
			res := runGCL(t, bin, src, cache, pluginConfig(tc.settings))
			if res.code == 0 || res.code == 1 || !strings.Contains(res.stderr, tc.want) {
				t.Errorf("exit status %d, want a failure other than issues found, with %q in\n%s", res.code, tc.want, res.stderr)
			}
		})
	}
}

// pluginConfig returns a golangci-lint configuration that enables only
// resplint, with the given settings (one line of YAML).
func pluginConfig(settings string) string {
	return `version: "2"
issues:
  uniq-by-line: false
linters:
  default: none
  enable:
    - resplint
  settings:
    custom:
      resplint:
        type: module
        settings:
          ` + settings + "\n"
}

type result struct {
	stdout, stderr string
	code           int
}

// runGCL runs golangci-lint with config on a copy of the module src.
func runGCL(t *testing.T, bin, src, cache, config string) result {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run",
		"--enable-only=resplint", // the example also runs golangci-lint's standard linters
		"--output.json.path=stdout", "--show-stats=false",
		"--max-issues-per-linter=0", "--max-same-issues=0",
		"./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache, "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout.String(), stderr.String(), 0}
	if exitErr, ok := errors.AsType[*exec.ExitError](err); ok {
		res.code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return res
}

// issues returns golangci-lint's JSON issues as "file:line:col text",
// sorted by position and text. All must come from resplint.
func issues(t *testing.T, out string) []string {
	t.Helper()
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("output is not golangci-lint JSON: %v\n%s", err, out)
	}
	var list []string
	for _, is := range report.Issues {
		if is.FromLinter != "resplint" {
			t.Errorf("issue from %s: %s", is.FromLinter, is.Text)
		}
		list = append(list, fmt.Sprintf("%s:%d:%d %s", filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column, is.Text))
	}
	slices.SortFunc(list, func(a, b string) int {
		return strings.Compare(sortKey(a), sortKey(b))
	})
	return list
}

// sortKey orders "file:line:col text" by line number, then text.
func sortKey(issue string) string {
	pos, text, _ := strings.Cut(issue, " ")
	parts := strings.Split(pos, ":")
	line, _ := strconv.Atoi(parts[len(parts)-2])
	return fmt.Sprintf("%s:%08d %s", parts[0], line, text)
}

// lineOf returns the number of the first line of file containing s.
func lineOf(t *testing.T, file, s string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), s)
	if i < 0 {
		t.Fatalf("%s has no %q", file, s)
	}
	return strings.Count(string(data[:i]), "\n") + 1
}
