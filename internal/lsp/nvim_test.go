package lsp

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
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
// language server on a copy of testdata/web: it opens handlers.go, reads
// the diagnostics back, applies the quick fix of one of them and saves
// (see testdata/nvim/session.lua). It needs nvim 0.7 or later (Debian's
// neovim package); without nvim it is skipped, unless
// RESPLINT_REQUIRE_NVIM=1 makes that a failure, as in CI.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("RESPLINT_REQUIRE_NVIM") == "1" {
			t.Fatal("nvim not found, and RESPLINT_REQUIRE_NVIM=1: install Neovim (apt-get install neovim)")
		}
		t.Skip("nvim not found: install Neovim (apt-get install neovim) to run this test; RESPLINT_REQUIRE_NVIM=1 makes its absence a failure")
	}

	tmp := t.TempDir()
	bin := filepath.Join(tmp, "resplint")
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
		"RESPLINT_BIN="+bin,
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
		Error   string
		Nvim    struct{ Major, Minor, Patch int }
		Opened  []nvimDiagnostic
		Actions []string
		Saved   []nvimDiagnostic
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	t.Logf("Neovim %d.%d.%d", res.Nvim.Major, res.Nvim.Minor, res.Nvim.Patch)
	if res.Error != "" {
		t.Fatalf("session: %s\n%s", res.Error, data)
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
