package lsp

import (
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/resplint/resplint/analyzers"
)

func TestMapper(t *testing.T) {
	text := "a🍪b\r\né\n\nlast"
	for _, tc := range []struct {
		encoding string
		offset   int
		want     position
	}{
		{encodingUTF16, 0, position{0, 0}},
		{encodingUTF16, 1, position{0, 1}},  // before the cookie
		{encodingUTF16, 5, position{0, 3}},  // after it: two UTF-16 units
		{encodingUTF16, 3, position{0, 1}},  // inside it: its start
		{encodingUTF16, 7, position{0, 5}},  // the \r is a character of the line
		{encodingUTF16, 10, position{1, 1}}, // after é
		{encodingUTF16, 11, position{2, 0}},
		{encodingUTF16, 12, position{3, 0}},
		{encodingUTF16, 16, position{3, 4}},
		{encodingUTF16, 99, position{3, 4}}, // clamped
		{encodingUTF8, 5, position{0, 5}},
		{encodingUTF32, 5, position{0, 2}},
	} {
		m := newMapper([]byte(text), tc.encoding)
		if got := m.position(tc.offset); got != tc.want {
			t.Errorf("%s: position(%d) = %v, want %v", tc.encoding, tc.offset, got, tc.want)
		}
	}
	m := newMapper([]byte(text), encodingUTF16)
	for _, tc := range []struct {
		pos  position
		want int
	}{
		{position{0, 3}, 5},
		{position{0, 2}, 1},  // inside the surrogate pair: before the character
		{position{0, 99}, 6}, // past the end of the line: before \r\n
		{position{1, 1}, 10},
		{position{9, 0}, len(text)},
	} {
		if got := m.offset(tc.pos); got != tc.want {
			t.Errorf("offset(%v) = %d, want %d", tc.pos, got, tc.want)
		}
	}
}

func TestURI(t *testing.T) {
	path := "/tmp/a dir/é.go"
	uri := pathToURI(path)
	if uri != "file:///tmp/a%20dir/%C3%A9.go" {
		t.Errorf("pathToURI(%q) = %q", path, uri)
	}
	if got, err := uriToPath(uri); err != nil || got != path {
		t.Errorf("uriToPath(%q) = %q, %v", uri, got, err)
	}
	if _, err := uriToPath("untitled:Untitled-1"); err == nil {
		t.Errorf("uriToPath accepts a URI that is not a file")
	}
}

func TestLineDiff(t *testing.T) {
	for _, tc := range []struct{ old, new string }{
		{"a\nb\nc\n", "a\nb\nc\n"},
		{"a\nb\nc\n", "a\nB\nc\n"},
		{"a\nb\nc\n", "x\na\nb\nc\ny\n"},
		{"import (\n\t\"a\"\n)\n\nf()\ng()\nh()\n", "import (\n\t\"a\"\n\t\"b\"\n)\n\nf()\nG()\nh()\n"},
		{"a\nb", "a\nb\nc"},
		{"", "a\n"},
		{"a\n", ""},
	} {
		edits := lineDiff([]byte(tc.old), []byte(tc.new))
		if got := string(apply([]byte(tc.old), edits)); got != tc.new {
			t.Errorf("lineDiff(%q, %q) gives %q", tc.old, tc.new, got)
		}
		if tc.old == tc.new && len(edits) > 0 {
			t.Errorf("lineDiff of equal texts: %v", edits)
		}
	}
	// Distant changes are separate edits, not one covering the lines between.
	old := "a\n" + strings.Repeat("x\n", 50) + "b\n"
	new := "A\n" + strings.Repeat("x\n", 50) + "B\n"
	if edits := lineDiff([]byte(old), []byte(new)); len(edits) != 2 {
		t.Errorf("lineDiff gives %d edits, want 2: %v", len(edits), edits)
	}
}

func TestConfigure(t *testing.T) {
	names := func(cfg *config) []string {
		var out []string
		for _, a := range cfg.analyzers {
			out = append(out, a.Name)
		}
		return out
	}
	cfg, problems := configure(analyzers.All(),
		json.RawMessage(`{"tests": false, "tags": "x", "cookieflags": {"names": "^a$", "all": true}}`),
		json.RawMessage(`{"cookieflags": {"names": "^b$"}, "bogus": 1}`),
		json.RawMessage(`null`))
	if !slices.Equal(problems, []string{`unknown setting "bogus"`}) {
		t.Errorf("problems: %q", problems)
	}
	if cfg.tests || !slices.Equal(cfg.buildFlags, []string{"-tags=x"}) || !slices.Contains(names(cfg), "cookieflags") {
		t.Errorf("config: %+v", cfg)
	}
	a := cfg.analyzers[slices.Index(names(cfg), "cookieflags")]
	if got := a.Flags.Lookup("names").Value.String(); got != "^b$" {
		t.Errorf("names = %q: the later setting must win", got)
	}
	if got := a.Flags.Lookup("all").Value.String(); got != "true" {
		t.Errorf("all = %q", got)
	}

	cfg, problems = configure(analyzers.All(), json.RawMessage(`{"disable": ["cookieflags"], "cookieflags": {"names": "("}, "enable": ["nope"]}`))
	if slices.Contains(names(cfg), "cookieflags") || len(cfg.analyzers) != len(analyzers.All())-1 || len(problems) != 2 {
		t.Errorf("analyzers %q, problems %q", names(cfg), problems)
	}
	cfg, _ = configure(analyzers.All(), json.RawMessage(`{"disable": ["cookieflags"]}`), json.RawMessage(`{"cookieflags": true}`))
	if !slices.Equal(names(cfg), []string{"cookieflags"}) {
		t.Errorf("enabling after disabling: %q", names(cfg))
	}
}

// Bodies that are not JSON-RPC get an error response; the server goes on.
func TestBadMessages(t *testing.T) {
	c := startServer(t, "")
	replies := map[string]chan *message{"null": make(chan *message, 1), "7": make(chan *message, 1)}
	c.mu.Lock()
	for id, ch := range replies {
		c.pending[id] = ch
	}
	c.mu.Unlock()
	for _, body := range []string{`{"jsonrpc": "2.0", "id": 1, "method": `, `{"jsonrpc": "1.0", "id": 7, "method": "shutdown"}`} {
		if _, err := io.WriteString(c.in, "Content-Length: "+strconv.Itoa(len(body))+"\r\n\r\n"+body); err != nil {
			t.Fatal(err)
		}
	}
	for id, want := range map[string]int{"null": codeParseError, "7": codeInvalidRequest} {
		if m := <-replies[id]; m.Error == nil || m.Error.Code != want {
			t.Errorf("reply %s: %+v, want error %d", id, m, want)
		}
	}
	if err := c.call("shutdown", nil, nil); err == nil || err.Code != codeServerNotInitialized {
		t.Errorf("the server does not go on after bad messages: %v", err)
	}
	if err := c.exit(); err != ErrNoShutdown {
		t.Errorf("exit: %v", err)
	}
}
