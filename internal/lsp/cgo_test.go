package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cgoSource is a package that imports "C": it is compiled from files cgo
// generates in the build cache, and the line that uses C is rewritten.
const cgoSource = `package cg

// static int two(void) { return 2; }
import "C"

import (
	"fmt"
	"net/http"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v"})
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: fmt.Sprint(C.two())})
}
`

// published reads the server's notifications until the log message that
// ends a run, and returns the diagnostics published, by URI.
func (c *client) published() map[string]publishDiagnosticsParams {
	c.t.Helper()
	out := make(map[string]publishDiagnosticsParams)
	deadline := time.After(timeout)
	for {
		select {
		case m, ok := <-c.notes:
			if !ok {
				c.t.Fatal("server closed its output during a run")
			}
			switch m.Method {
			case "textDocument/publishDiagnostics":
				var p publishDiagnosticsParams
				if err := json.Unmarshal(m.Params, &p); err != nil {
					c.t.Fatal(err)
				}
				out[p.URI] = p
			case "window/logMessage":
				var p logMessageParams
				if json.Unmarshal(m.Params, &p) == nil && strings.Contains(p.Message, " type-checked, ") {
					return out
				}
			}
		case <-deadline:
			c.t.Fatal("no run ended")
		}
	}
}

// TestCgoFile: the diagnostics and fixes of a file that imports "C" are
// published for that file, at its own positions, though the analyzers
// see the files cgo generated from it.
func TestCgoFile(t *testing.T) {
	t.Setenv("CGO_ENABLED", "1")
	dir := t.TempDir()
	name := filepath.Join(dir, "cg.go")
	for file, text := range map[string]string{"go.mod": "module example.com/cg\n\ngo 1.26\n", "cg.go": cgoSource} {
		if err := os.WriteFile(filepath.Join(dir, file), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	uri := pathToURI(name)
	c := startServer(t, "")
	if err := c.call("initialize", map[string]any{
		"processId":        nil,
		"rootUri":          nil,
		"workspaceFolders": []workspaceFolder{{URI: pathToURI(dir), Name: "cg"}},
		"capabilities":     map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-16"}}},
	}, nil); err != nil {
		t.Fatal(err)
	}
	c.notify("initialized", struct{}{})
	c.notify("textDocument/didOpen", didOpenTextDocumentParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "go", Version: 1, Text: cgoSource}})
	all := c.published()
	pd, ok := all[uri]
	if !ok {
		t.Fatalf("no diagnostics for %s; published: %v", uri, all)
	}
	for u := range all {
		if u != uri {
			t.Errorf("diagnostics published for %s", u)
		}
	}
	checkCgoDiagnostics(t, pd, 1, cgoSource)

	// Quick fixes edit the file too, but a fix that would replace text
	// cgo rewrote is not offered: it cannot be placed exactly.
	for _, tc := range []struct {
		cookie, want  string
		sessionCookie bool // the fix to httpsafe.SessionCookie is offered
	}{
		{"session", `http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", Secure: true})`, true},
		{"sid", `http.SetCookie(w, &http.Cookie{Name: "sid", Value: fmt.Sprint(C.two()), Secure: true})`, false},
	} {
		d := find(pd.Diagnostics, `cookie "`+tc.cookie+`" is set without Secure`)
		var actions []codeAction
		if err := c.call("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{uri}, Range: d.Range}, &actions); err != nil {
			t.Fatal(err)
		}
		var secure *codeAction
		sessionCookie := false
		for i, a := range actions {
			switch {
			case a.Title == "Set Secure: true":
				secure = &actions[i]
			case strings.HasPrefix(a.Title, "Use httpsafe.SessionCookie"):
				sessionCookie = true
			}
		}
		if secure == nil || sessionCookie != tc.sessionCookie {
			t.Errorf("%s: code actions %+v", tc.cookie, actions)
			continue
		}
		edits := secure.Edit.Changes[uri]
		if len(secure.Edit.Changes) != 1 || len(edits) == 0 {
			t.Errorf("%s: edit %+v", tc.cookie, secure.Edit)
			continue
		}
		old := strings.Split(tc.want, ", Secure: true")[0] + "})"
		if fixed, want := applyEdits(t, cgoSource, edits), strings.Replace(cgoSource, old, tc.want, 1); fixed != want {
			t.Errorf("%s: fixed text:\n%s\nwant:\n%s", tc.cookie, fixed, want)
		}
	}

	// A change moves the diagnostics: cgo runs on the editor's text (the
	// file on the disk is left as it was, to show that).
	edited := strings.Replace(cgoSource, "{\n\thttp.SetCookie", "{\n\t_ = r\n\thttp.SetCookie", 1)
	c.notify("textDocument/didChange", didChangeTextDocumentParams{
		TextDocument:   versionedTextDocumentIdentifier{uri, 2},
		ContentChanges: []textDocumentContentChangeEvent{{Text: edited}},
	})
	c.notify("textDocument/didSave", didSaveTextDocumentParams{TextDocument: textDocumentIdentifier{uri}})
	checkCgoDiagnostics(t, c.published()[uri], 2, edited)
}

// checkCgoDiagnostics checks the diagnostics of cgoSource, published for
// the given version of its text.
func checkCgoDiagnostics(t *testing.T, pd publishDiagnosticsParams, version int32, text string) {
	t.Helper()
	if pd.Version == nil || *pd.Version != version {
		t.Errorf("diagnostics version %v, want %d", pd.Version, version)
	}
	session := find(pd.Diagnostics, `cookie "session" is set without Secure`)
	sid := find(pd.Diagnostics, `cookie "sid" is set without Secure`)
	if session == nil || sid == nil {
		t.Fatalf("diagnostics: %+v", pd.Diagnostics)
	}
	for _, tc := range []struct {
		d    *diagnostic
		call string
	}{
		{session, `http.SetCookie(w, &http.Cookie{Name: "session", Value: "v"})`},
		{sid, `http.SetCookie(w, &http.Cookie{Name: "sid", Value: fmt.Sprint(C.two())})`}, // a line cgo rewrote
	} {
		start := strings.Index(text, tc.call)
		want := protocolRange{utf16Position(text, start), utf16Position(text, start+len(tc.call))}
		if tc.d.Range != want {
			t.Errorf("%s: range %+v, want %+v", tc.d.Message, tc.d.Range, want)
		}
	}
}
