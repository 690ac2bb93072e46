package httpsafe_test

import (
	"io"
	"math"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/resplint/resplint/httpsafe"
)

func TestSafeFilename(t *testing.T) {
	long := strings.Repeat
	tests := []struct{ in, want string }{
		{"report.pdf", "report.pdf"},
		{"", ""},
		// 1. invalid UTF-8, one U+FFFD per byte
		{"a\xffb\xc3.txt", "a\uFFFDb\uFFFD.txt"},
		{"\xe2\x82", "\uFFFD\uFFFD"},
		// 2. invisible characters
		{"pay\u00ADpal.exe", "paypal.exe"},
		{"a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf", "abcdef"},
		{"x\u2061\u2062\u2063\u2064y\u180Ez", "xyz"},
		{"a\U000E0001\U000E0020\U000E007Fb\U000E0000", "ab"},                       // tags
		{"a\uFE0Fb\U000E0100c\u180Bd", "abcd"},                                     // variation selectors
		{"\u3164\u115Fx\u034F", "x"},                                               // fillers, grapheme joiner
		{"\uE000a\U000F0000\U0010FFFD", "a"},                                       // private use
		{"résumé 日本 \U0001F469\u200D\U0001F4BB", "résumé 日本 \U0001F469\U0001F4BB"}, // the joiner of the emoji too
		{"\u200B name.txt \uFEFF", "name.txt"},                                     // the white space they hid
		{".\u200B.", ""},
		// 3. surrounding white space
		{"  name.txt\r\n", "name.txt"},
		{"\u00a0\u3000name\t", "name"},
		{" \t\r\n ", ""},
		// 4. path separators and what looks or converts like them
		{"a/b\\c", "a_b_c"},
		{"/etc/passwd", "_etc_passwd"},
		{"../x", ".._x"},
		{"..\uFF0F..\uFF3Cetc\u2215passwd", ".._.._etc_passwd"},
		{"\u2044\u29F8\u2571\u27CB\u2041\u1735\u2F03\u3033\u31D3\U0001D23A", "__________"},
		{"\u2216\u29F9\uFE68\u2572\u27CD\u29F5\u2F02\u31D4\U0001D20F\U0001D23B", "__________"},
		{"..\u00A5..\u20A9x", ".._.._x"},
		// 5. controls, line separators, bidi formatting
		{"a\rb\nc\x00d\x7fe\u0085f\u009fg", "a_b_c_d_e_f_g"},
		{"a\u2028b\u2029c", "a_b_c"},
		{"invoice\u202Efdp.exe", "invoice_fdp.exe"},
		{"\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069x", "___________x"},
		{"\ta\tb\t", "a_b"},
		// kept as they are
		{`say "hi" & 100% <ok>?*:|.txt`, `say "hi" & 100% <ok>?*:|.txt`},
		{"résumé 日本のファイル ü", "résumé 日本のファイル ü"},
		{".hidden", ".hidden"},
		{"...", "..."},
		// 6. shortening
		{long("a", 300) + ".txt", long("a", 251) + ".txt"},
		{long("é", 200) + ".pdf", long("é", 125) + ".pdf"},
		{long("日", 100), long("日", 85)},
		{"a." + long("b", 400), "a." + long("b", 253)},
		{"." + long("a", 300), "." + long("a", 254)},
		{"a" + long(" ", 300) + "b.txt", "a.txt"},
		{long("a", 255), long("a", 255)},
		// 7. no name
		{".", ""},
		{"..", ""},
		{" .. ", ""},
	}
	for _, tt := range tests {
		if got := httpsafe.SafeFilename(tt.in); got != tt.want {
			t.Errorf("SafeFilename(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(tt.want) > httpsafe.MaxFilenameBytes {
			t.Errorf("bad test: %q is too long", tt.want)
		}
	}
}

func TestContentDisposition(t *testing.T) {
	tests := []struct{ disposition, filename, want string }{
		{"attachment", "report (1).csv", `attachment; filename="report (1).csv"`},
		{"inline", "a.pdf", `inline; filename="a.pdf"`},
		{" Inline ", "a.pdf", `inline; filename="a.pdf"`},
		{"", "a.pdf", `attachment; filename="a.pdf"`},
		{"inline; x=y", "a.pdf", `attachment; filename="a.pdf"`},
		{"in\r\nline", "a.pdf", `attachment; filename="a.pdf"`},
		{"attachment", "", "attachment"},
		{"inline", "..", "inline"},
		{"attachment", `a"b\c.txt`, `attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b_c.txt`},
		{"attachment", "100%.txt", `attachment; filename="100_.txt"; filename*=UTF-8''100%25.txt`},
		{"attachment", "a;b,c.txt", `attachment; filename="a_b_c.txt"; filename*=UTF-8''a%3Bb%2Cc.txt`},
		{"attachment", "x\r\nSet-Cookie: a=b", `attachment; filename="x__Set-Cookie_ a=b"; filename*=UTF-8''x__Set-Cookie%3A%20a%3Db`},
		{"attachment", "€.txt", `attachment; filename="_.txt"; filename*=UTF-8''%E2%82%AC.txt`},
		{"attachment", "a!#$&+-.^_`|~.txt", "attachment; filename=\"a!#$&+-.^_`_~.txt\"; filename*=UTF-8''a!#$&+-.^_`|~.txt"},
		{"attachment", "(a)[b]{c}@'=.txt", `attachment; filename="(a)[b]{c}@'=.txt"`},
	}
	for _, tt := range tests {
		got := httpsafe.ContentDisposition(tt.disposition, tt.filename)
		if got != tt.want {
			t.Errorf("ContentDisposition(%q, %q)\n got %s\nwant %s", tt.disposition, tt.filename, got, tt.want)
		}
		checkContentDisposition(t, tt.disposition, tt.filename, got)
	}
}

// TestOverTheWire sends the headers through a real net/http server and
// client, to show that what the helpers set arrives unchanged and alone.
func TestOverTheWire(t *testing.T) {
	const name = "résumé \"final\"\r\nSet-Cookie: evil=1.csv"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Disposition", "inline")
		httpsafe.Attachment(w, name)
		httpsafe.NoStore(w)
		http.SetCookie(w, httpsafe.SessionCookie("__Host-session", "s3cr3t"))
		http.SetCookie(w, httpsafe.DeleteCookie("old"))
		io.WriteString(w, "a,b\n")
	}))
	defer srv.Close()

	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	cd := resp.Header.Values("Content-Disposition")
	if len(cd) != 1 {
		t.Fatalf("Content-Disposition = %q, want one value", cd)
	}
	if want := httpsafe.ContentDisposition("attachment", name); cd[0] != want {
		t.Errorf("Content-Disposition = %q, want %q", cd[0], want)
	}
	_, params, err := mime.ParseMediaType(cd[0])
	if err != nil {
		t.Fatal(err)
	}
	if want := `résumé "final"__Set-Cookie: evil=1.csv`; params["filename"] != want {
		t.Errorf("filename = %q, want %q", params["filename"], want)
	}
	if got := resp.Header.Values("Cache-Control"); len(got) != 1 || got[0] != "private, no-store" {
		t.Errorf("Cache-Control = %q", got)
	}
	cookies := resp.Cookies()
	if len(cookies) != 2 {
		t.Fatalf("cookies = %v, want 2", cookies)
	}
	s, d := cookies[0], cookies[1]
	if s.Name != "__Host-session" || s.Value != "s3cr3t" || !s.HttpOnly || !s.Secure ||
		s.SameSite != http.SameSiteLaxMode || s.Path != "/" || s.Domain != "" {
		t.Errorf("session cookie = %#v", s)
	}
	if d.Name != "old" || d.Value != "" || d.MaxAge != -1 || !d.Expires.Equal(time.Unix(0, 0)) ||
		!d.HttpOnly || !d.Secure || d.SameSite != http.SameSiteLaxMode || d.Path != "/" {
		t.Errorf("deletion cookie = %#v", d)
	}
}

// headerOnly is a response type of some framework: it has a Header method
// and nothing else of http.ResponseWriter.
type headerOnly struct{ h http.Header }

func (r headerOnly) Header() http.Header { return r.h }

func TestHeaderer(t *testing.T) {
	r := headerOnly{http.Header{}}
	httpsafe.Inline(r, "a.pdf")
	httpsafe.Private(r, time.Minute)
	if got := r.h.Get("Content-Disposition"); got != `inline; filename="a.pdf"` {
		t.Errorf("Content-Disposition = %q", got)
	}
	if got := r.h.Get("Cache-Control"); got != "private, max-age=60" {
		t.Errorf("Cache-Control = %q", got)
	}
}

func TestCacheControl(t *testing.T) {
	tests := []struct {
		d          time.Duration
		wantMaxAge string
	}{
		{0, "0"},
		{time.Second - 1, "0"},
		{time.Second, "1"},
		{90 * time.Second, "90"},
		{-time.Nanosecond, "0"},
		{math.MinInt64, "0"},
		{(1<<31 - 1) * time.Second, "2147483647"},
		{(1 << 31) * time.Second, "2147483648"},
		{(1<<31 + 1) * time.Second, "2147483648"},
		{math.MaxInt64, "2147483648"},
	}
	for _, tt := range tests {
		if got, want := httpsafe.CacheControlPrivate(tt.d), "private, max-age="+tt.wantMaxAge; got != want {
			t.Errorf("CacheControlPrivate(%v) = %q, want %q", tt.d, got, want)
		}
		if got, want := httpsafe.CacheControlPublic(tt.d), "public, max-age="+tt.wantMaxAge; got != want {
			t.Errorf("CacheControlPublic(%v) = %q, want %q", tt.d, got, want)
		}
	}

	// The setters replace what was there.
	rec := httptest.NewRecorder()
	rec.Header().Add("Cache-Control", "public, max-age=31536000")
	rec.Header().Add("Cache-Control", "immutable")
	httpsafe.NoStore(rec)
	if got := rec.Header().Values("Cache-Control"); len(got) != 1 || got[0] != httpsafe.CacheControlNoStore {
		t.Errorf("after NoStore: Cache-Control = %q", got)
	}
	httpsafe.Public(rec, time.Hour)
	if got := rec.Header().Values("Cache-Control"); len(got) != 1 || got[0] != "public, max-age=3600" {
		t.Errorf("after Public: Cache-Control = %q", got)
	}
}

func TestCookies(t *testing.T) {
	c := httpsafe.SessionCookie("__Host-sid", "v")
	if err := c.Valid(); err != nil {
		t.Errorf("SessionCookie: %v", err)
	}
	d := httpsafe.DeleteCookie("__Host-sid")
	if err := d.Valid(); err != nil {
		t.Errorf("DeleteCookie: %v", err)
	}
	// Each call returns a new cookie that the caller may change.
	c.MaxAge = 10
	if httpsafe.SessionCookie("__Host-sid", "v").MaxAge != 0 {
		t.Error("SessionCookie returned a shared cookie")
	}
}

// NoStoreHandler sets no-store before the handler runs, which may still
// choose its own Cache-Control.
func TestNoStoreHandler(t *testing.T) {
	var seen string
	h := httpsafe.NoStoreHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = w.Header().Get("Cache-Control")
		if r.URL.Path == "/own" {
			w.Header().Set("Cache-Control", "private, max-age=60")
		}
	}))
	for path, want := range map[string]string{"/": "private, no-store", "/own": "private, max-age=60"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if got := rec.Header().Get("Cache-Control"); got != want || seen != "private, no-store" {
			t.Errorf("%s: Cache-Control %q (handler saw %q), want %q", path, got, seen, want)
		}
	}
}
