package lsp

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// nvimDiagnostic is a diagnostic as Neovim holds it: columns are byte
// offsets, which Neovim computes from the server's UTF-16 positions.
type nvimDiagnostic struct {
	Lnum, Col, EndLnum, EndCol int
	Message, Source, Code      string
	Href                       string
	Related                    int
}

func (d *nvimDiagnostic) UnmarshalJSON(data []byte) error {
	var raw struct {
		Lnum    int    `json:"lnum"`
		Col     int    `json:"col"`
		EndLnum int    `json:"end_lnum"`
		EndCol  int    `json:"end_col"`
		Message string `json:"message"`
		Source  string `json:"source"`
		Code    string `json:"code"`
		Href    string `json:"href"`
		Related int    `json:"related"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*d = nvimDiagnostic{raw.Lnum, raw.Col, raw.EndLnum, raw.EndCol, raw.Message, raw.Source, raw.Code, raw.Href, raw.Related}
	return nil
}

// TestNeovim runs a real editor, headless Neovim, with the command's
// language server on a copy of testdata/web, started by the snippet of
// docs/editors.md that works from Neovim 0.7 on (with the fixture's
// settings in place of its init_options): it opens handlers.go, reads the
// diagnostics back, applies the quick fix of one of them and saves (see
// testdata/nvim/session.lua). It needs nvim 0.7 or later (Debian's neovim
// package); without nvim it is skipped, unless RESPLINT_REQUIRE_NVIM=1
// makes that a failure, as in CI.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("RESPLINT_REQUIRE_NVIM") == "1" {
			t.Fatal("nvim not found, and RESPLINT_REQUIRE_NVIM=1: install Neovim (apt-get install neovim)")
		}
		t.Skip("nvim not found: install Neovim (apt-get install neovim) to run this test; RESPLINT_REQUIRE_NVIM=1 makes its absence a failure")
	}

	tmp := t.TempDir()
	snippet := filepath.Join(tmp, "snippet.lua")
	if err := os.WriteFile(snippet, []byte(nvimSnippet(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	// The snippet runs "resplint" from the PATH.
	binDir := filepath.Join(tmp, "bin")
	bin := filepath.Join(binDir, "resplint")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/resplint/resplint/cmd/resplint").CombinedOutput(); err != nil {
		t.Fatalf("building resplint: %v\n%s", err, out)
	}
	dir := fixture(t, "web")
	script, err := filepath.Abs(filepath.Join("testdata", "nvim", "session.lua"))
	if err != nil {
		t.Fatal(err)
	}
	outFile := filepath.Join(tmp, "session.json")

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-c", "luafile "+script, "handlers.go")
	cmd.Dir = dir
	cmd.Env = append(testEnv(),
		"PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"),
		"RESPLINT_NVIM_SNIPPET="+snippet,
		"RESPLINT_NVIM_OUT="+outFile,
		"XDG_CONFIG_HOME="+filepath.Join(tmp, "config"), // no user configuration, logs or state
		"XDG_DATA_HOME="+filepath.Join(tmp, "data"),
		"XDG_STATE_HOME="+filepath.Join(tmp, "state"),
		"XDG_CACHE_HOME="+filepath.Join(tmp, "cache"),
	)
	start := time.Now()
	output, err := cmd.CombinedOutput()
	t.Logf("nvim ran for %v", time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatalf("nvim: %v\n%s", err, output)
	}
	data, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatalf("nvim wrote no result: %v\n%s", err, output)
	}
	var res struct {
		Error string
		Nvim  struct{ Major, Minor, Patch int }
		Root  string
		// Whether auth/auth.go, opened last, has the client of handlers.go.
		SameClient bool `json:"same_client"`
		Opened     []nvimDiagnostic
		Actions    []string
		Saved      []nvimDiagnostic
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	t.Logf("Neovim %d.%d.%d", res.Nvim.Major, res.Nvim.Minor, res.Nvim.Patch)
	if res.Error != "" {
		t.Fatalf("session: %s\n%s", res.Error, data)
	}

	if realDir, err := filepath.EvalSymlinks(dir); err != nil {
		t.Fatal(err)
	} else if realRoot, err := filepath.EvalSymlinks(res.Root); err != nil || realRoot != realDir {
		t.Errorf("the client's root is %q, want the fixture's module, %q", res.Root, dir)
	}

	if !res.SameClient {
		t.Error("auth/auth.go, in the same module, has another client than handlers.go")
	}

	src, err := os.ReadFile(filepath.Join("testdata", "web", "handlers.go"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	call := `http.SetCookie(w, &http.Cookie{Name: "session"`
	wantLine := 0
	for i, l := range lines {
		if strings.Contains(l, call) {
			wantLine = i
		}
	}
	if len(res.Opened) != 3 {
		t.Fatalf("diagnostics after opening: %+v", res.Opened)
	}
	login := res.Opened[0]
	// Byte columns: right only if the server's UTF-16 columns are.
	wantCol := strings.Index(lines[wantLine], call)
	wantEnd := strings.LastIndex(lines[wantLine], "})") + len("})")
	if login.Lnum != wantLine || login.Col != wantCol || login.EndLnum != wantLine || login.EndCol != wantEnd {
		t.Errorf("login diagnostic at %d:%d-%d:%d, want %d:%d-%d:%d", login.Lnum, login.Col, login.EndLnum, login.EndCol, wantLine, wantCol, wantLine, wantEnd)
	}
	for _, d := range res.Opened {
		if d.Source != "resplint" || d.Code != "cookieflags" || d.Href != "https://github.com/resplint/resplint/blob/main/docs/cookieflags.md" {
			t.Errorf("diagnostic %+v", d)
		}
	}
	if res.Opened[1].Related != 1 {
		t.Errorf("the prefs cookie has %d related locations, want 1 (its literal)", res.Opened[1].Related)
	}
	if len(res.Actions) != 1 || res.Actions[0] != "Set Secure: true" {
		t.Errorf("code actions: %q", res.Actions)
	}

	fixed, err := os.ReadFile(filepath.Join(dir, "handlers.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fixed), "\t\tHttpOnly: true,\n\t\tSecure:   true,\n\t}") {
		t.Errorf("the saved file does not have the fix:\n%s", fixed)
	}
	if len(res.Saved) != 2 || strings.Contains(res.Saved[0].Message+res.Saved[1].Message, `"prefs"`) {
		t.Errorf("diagnostics after saving: %+v", res.Saved)
	}
}

// nvimSnippet returns the Lua snippet of docs/editors.md that starts the
// server from Neovim 0.7 on, with its init_options replaced by the
// settings of the fixture (the "prefs" cookie is sensitive only by name).
func nvimSnippet(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "editors.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## Neovim\n")
	if !ok {
		t.Fatal("docs/editors.md has no Neovim section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var snippets []string
	for _, m := range regexp.MustCompile("(?s)\n```lua\n(.*?)```\n").FindAllStringSubmatch(section, -1) {
		if strings.Contains(m[1], "vim.lsp.start_client") {
			snippets = append(snippets, m[1])
		}
	}
	if len(snippets) != 1 {
		t.Fatalf("docs/editors.md: %d Lua snippets with vim.lsp.start_client (for Neovim 0.7), want 1", len(snippets))
	}
	initOptions := regexp.MustCompile(`(?m)^(\s*)init_options = .*,$`)
	if n := len(initOptions.FindAllString(snippets[0], -1)); n != 1 {
		t.Fatalf("docs/editors.md: the Neovim 0.7 snippet has %d lines `init_options = ...,`, want 1:\n%s", n, snippets[0])
	}
	return initOptions.ReplaceAllString(snippets[0], "${1}init_options = { cookieflags = { names = 'session|prefs' } },")
}
