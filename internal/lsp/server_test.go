package lsp

import (
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Position returns the LSP position (UTF-16) of a byte offset,
// computed independently of the server's mapper.
func utf16Position(text string, offset int) position {
	before := text[:offset]
	line := strings.Count(before, "\n")
	col := before[strings.LastIndex(before, "\n")+1:]
	return position{Line: uint32(line), Character: uint32(len(utf16.Encode([]rune(col))))}
}

// utf16Offset is the inverse of utf16Position.
func utf16Offset(t *testing.T, text string, pos position) int {
	lines := strings.SplitAfter(text, "\n")
	if int(pos.Line) >= len(lines) {
		t.Fatalf("position %v is past the end", pos)
	}
	offset := 0
	for _, l := range lines[:pos.Line] {
		offset += len(l)
	}
	units := 0
	for i, r := range lines[pos.Line] {
		if units >= int(pos.Character) {
			return offset + i
		}
		units += len(utf16.Encode([]rune{r}))
	}
	return offset + len(lines[pos.Line])
}

// applyEdits applies LSP text edits, as a client does.
func applyEdits(t *testing.T, text string, edits []textEdit) string {
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{utf16Offset(t, text, e.Range.Start), utf16Offset(t, text, e.Range.End), e.NewText})
	}
	slices.SortFunc(spans, func(a, b span) int { return b.start - a.start }) // from the end
	for _, s := range spans {
		text = text[:s.start] + s.text + text[s.end:]
	}
	return text
}

func find(ds []diagnostic, message string) *diagnostic {
	for i := range ds {
		if strings.Contains(ds[i].Message, message) {
			return &ds[i]
		}
	}
	return nil
}

// TestSession drives the server as an editor does: initialize, open a
// file, read its diagnostics, apply a quick fix, save, and shut down.
func TestSession(t *testing.T) {
	dir := fixture(t, "web")
	name := filepath.Join(dir, "handlers.go")
	uri := pathToURI(name)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)

	// The defaults (the command line's settings) apply first; the
	// initializationOptions override them.
	c := startServer(t, `{"cookieflags": {"names": "nomatch"}}`)
	if err := c.call("textDocument/codeAction", codeActionParams{}, nil); err == nil || err.Code != codeServerNotInitialized {
		t.Errorf("request before initialize: got %v, want error %d", err, codeServerNotInitialized)
	}
	var init initializeResult
	if err := c.call("initialize", map[string]any{
		"processId":             nil,
		"rootUri":               nil,
		"workspaceFolders":      []workspaceFolder{{URI: pathToURI(dir), Name: "web"}},
		"initializationOptions": map[string]any{"cookieflags": map[string]any{"names": "session|prefs"}},
		"capabilities": map[string]any{
			"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}},
			"general":   map[string]any{"positionEncodings": []string{"utf-16"}},
		},
	}, &init); err != nil {
		t.Fatal(err)
	}
	caps := init.Capabilities
	if caps.PositionEncoding != "utf-16" || caps.TextDocumentSync.Change != syncIncremental || !caps.TextDocumentSync.OpenClose ||
		!slices.Contains(caps.CodeActionProvider.CodeActionKinds, "quickfix") || !caps.Workspace.WorkspaceFolders.ChangeNotifications ||
		init.ServerInfo.Name != "resplint" {
		t.Errorf("initialize result: %+v", init)
	}
	c.notify("initialized", struct{}{})
	if err := c.call("no/such/method", struct{}{}, nil); err == nil || err.Code != codeMethodNotFound {
		t.Errorf("unknown method: got %v, want error %d", err, codeMethodNotFound)
	}

	// Open: the diagnostics of the whole package.
	c.notify("textDocument/didOpen", didOpenTextDocumentParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "go", Version: 1, Text: text}})
	pd := c.diagnostics(uri)
	t.Logf("first open: %s", c.runLog())
	if pd.Version == nil || *pd.Version != 1 {
		t.Errorf("diagnostics version = %v, want 1", pd.Version)
	}
	login := find(pd.Diagnostics, `cookie "session" is set without Secure`)
	prefs := find(pd.Diagnostics, `cookie "prefs" is set without Secure`) // by the names setting
	helper := find(pd.Diagnostics, `cookie "session_id" (set by auth.SetAuth) is set without Secure`)
	if login == nil || prefs == nil || helper == nil || len(pd.Diagnostics) != 3 {
		t.Fatalf("diagnostics: %+v", pd.Diagnostics)
	}
	start := strings.Index(text, `http.SetCookie(w, &http.Cookie{Name: "session"`)
	end := strings.Index(text, `SameSite: http.SameSiteLaxMode})`) + len(`SameSite: http.SameSiteLaxMode})`)
	want := protocolRange{utf16Position(text, start), utf16Position(text, end)}
	if login.Range != want {
		t.Errorf("range = %+v, want %+v (UTF-16)", login.Range, want)
	}
	if login.Source != "resplint" || login.Code != "cookieflags" || login.Severity != severityWarning ||
		login.CodeDescription == nil || login.CodeDescription.Href != "https://github.com/resplint/resplint/blob/main/docs/cookieflags.md" ||
		login.Data == nil || login.Data.Category != "secure" {
		t.Errorf("diagnostic = %+v", *login)
	}
	if len(prefs.RelatedInformation) != 1 || prefs.RelatedInformation[0].Location.URI != uri ||
		prefs.RelatedInformation[0].Location.Range.Start != utf16Position(text, strings.Index(text, "&http.Cookie{\n\t\tName:     \"prefs\"")+1) {
		t.Errorf("related information of the prefs cookie: %+v", prefs.RelatedInformation)
	}

	// Code actions: every fix of the diagnostics in the range.
	var actions []codeAction
	if err := c.call("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{uri}, Range: prefs.Range}, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || actions[0].Kind != "quickfix" || actions[0].Title != "Set Secure: true" || !actions[0].IsPreferred ||
		len(actions[0].Diagnostics) != 1 || actions[0].Diagnostics[0].Message != prefs.Message {
		t.Fatalf("code actions for prefs: %+v", actions)
	}
	var all []codeAction
	if err := c.call("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{uri}, Range: protocolRange{End: position{Line: 100}}}, &all); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range all {
		titles = append(titles, a.Title)
	}
	if len(all) != 3 || !slices.ContainsFunc(titles, func(s string) bool { return strings.HasPrefix(s, "Use httpsafe.SessionCookie") }) {
		t.Errorf("code actions for the file: %q", titles)
	}

	// The fix is a versioned edit of the document, gofmt-ed: the new
	// field is aligned with the others.
	edit := actions[0].Edit
	if edit == nil || len(edit.DocumentChanges) != 1 || edit.DocumentChanges[0].TextDocument.URI != uri ||
		edit.DocumentChanges[0].TextDocument.Version == nil || *edit.DocumentChanges[0].TextDocument.Version != 1 {
		t.Fatalf("workspace edit: %+v", edit)
	}
	fixed := applyEdits(t, text, edit.DocumentChanges[0].Edits)
	if !strings.Contains(fixed, "\t\tHttpOnly: true,\n\t\tSecure:   true,\n\t}") {
		t.Errorf("fixed text:\n%s", fixed)
	}
	if formatted, err := format.Source([]byte(fixed)); err != nil || string(formatted) != fixed {
		t.Errorf("fixed text is not gofmt-ed (%v)", err)
	}

	// The editor applies the edit, writes the file and saves: only the
	// package is analysed again.
	c.notify("textDocument/didChange", didChangeTextDocumentParams{
		TextDocument:   versionedTextDocumentIdentifier{uri, 2},
		ContentChanges: toChanges(edit.DocumentChanges[0].Edits),
	})
	if err := os.WriteFile(name, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", didSaveTextDocumentParams{TextDocument: textDocumentIdentifier{uri}})
	pd = c.diagnostics(uri)
	stats := c.runLog()
	t.Logf("save: %s", stats)
	if len(pd.Diagnostics) != 2 || find(pd.Diagnostics, `"prefs"`) != nil || pd.Version == nil || *pd.Version != 2 {
		t.Errorf("diagnostics after the fix: version %v, %+v", pd.Version, pd.Diagnostics)
	}
	if !regexp.MustCompile(`\b1 type-checked, 1 analysed, 0 metadata reloads\b`).MatchString(stats) {
		t.Errorf("the save analysed more than the package: %s", stats)
	}

	// Removing the workspace folder clears its diagnostics; adding it
	// back restores them.
	folder := workspaceFolder{URI: pathToURI(dir), Name: "web"}
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{"added": []any{}, "removed": []any{folder}}})
	if pd = c.diagnostics(uri); len(pd.Diagnostics) != 0 {
		t.Errorf("diagnostics outside the workspace: %+v", pd.Diagnostics)
	}
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{"added": []any{folder}, "removed": []any{}}})
	if pd = c.diagnostics(uri); len(pd.Diagnostics) != 2 {
		t.Errorf("diagnostics back in the workspace: %+v", pd.Diagnostics)
	}

	// Settings can change: disabling the analyzer clears the diagnostics.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"resplint": map[string]any{"disable": []string{"cookieflags"}}}})
	if pd = c.diagnostics(uri); len(pd.Diagnostics) != 0 {
		t.Errorf("diagnostics with cookieflags disabled: %+v", pd.Diagnostics)
	}

	c.notify("textDocument/didClose", didCloseTextDocumentParams{textDocumentIdentifier{uri}})
	if pd = c.diagnostics(uri); len(pd.Diagnostics) != 0 {
		t.Errorf("diagnostics after close: %+v", pd.Diagnostics)
	}

	if err := c.call("shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.call("textDocument/codeAction", codeActionParams{}, nil); err == nil || err.Code != codeInvalidRequest {
		t.Errorf("request after shutdown: got %v, want error %d", err, codeInvalidRequest)
	}
	if err := c.exit(); err != nil {
		t.Errorf("exit after shutdown: %v", err)
	}
}

// toChanges turns text edits into the incremental changes of didChange,
// applied in order: from the end of the text, so that each range refers
// to the text as the client sees it.
func toChanges(edits []textEdit) []textDocumentContentChangeEvent {
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b textEdit) int {
		if a.Range.Start.Line != b.Range.Start.Line {
			return int(b.Range.Start.Line) - int(a.Range.Start.Line)
		}
		return int(b.Range.Start.Character) - int(a.Range.Start.Character)
	})
	var changes []textDocumentContentChangeEvent
	for _, e := range sorted {
		changes = append(changes, textDocumentContentChangeEvent{Range: &e.Range, Text: e.NewText})
	}
	return changes
}

// Exiting without shutdown is an error; so is the client going away.
func TestExitWithoutShutdown(t *testing.T) {
	c := startServer(t, "")
	if err := c.exit(); err != ErrNoShutdown {
		t.Errorf("exit without shutdown: got %v, want %v", err, ErrNoShutdown)
	}
	c = startServer(t, "")
	c.in.Close()
	if err := <-c.done; err != ErrNoShutdown {
		t.Errorf("end of input: got %v, want %v", err, ErrNoShutdown)
	}
}
