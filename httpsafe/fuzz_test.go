package httpsafe_test

import (
	"io"
	"log"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/resplint/resplint/httpsafe"
)

// The fuzz targets check what the package writes against reference
// implementations written here independently of the package's code, and
// parse it back with the standard library's parsers.
//
// Seed corpora are in testdata/fuzz/<FuzzName>/. Run a fuzzer with e.g.
//
//	go test -run='^$' -fuzz='^FuzzContentDisposition$' -fuzztime=60s ./httpsafe/

// FuzzContentDisposition checks that for any disposition and file name the
// header value is printable ASCII, parses with mime.ParseMediaType, and
// gives back the disposition type and SafeFilename(name), with an ASCII
// fallback that is the documented transliteration of that name.
func FuzzContentDisposition(f *testing.F) {
	f.Add("attachment", "report.csv")
	f.Add("inline", `résumé "final".csv`)
	f.Fuzz(func(t *testing.T, disposition, filename string) {
		v := httpsafe.ContentDisposition(disposition, filename)
		checkContentDisposition(t, disposition, filename, v)
	})
}

func checkContentDisposition(t *testing.T, disposition, filename, v string) {
	t.Helper()
	for i := 0; i < len(v); i++ {
		if v[i] < 0x20 || v[i] > 0x7E {
			t.Fatalf("ContentDisposition(%q, %q) = %q: byte %#x at %d is not printable ASCII", disposition, filename, v, v[i], i)
		}
	}

	wantType := strings.ToLower(strings.TrimSpace(disposition))
	if !refIsToken(wantType) {
		wantType = "attachment"
	}
	wantName := refSafeFilename(filename)
	if got := httpsafe.SafeFilename(filename); got != wantName {
		t.Fatalf("SafeFilename(%q) = %q, want %q", filename, got, wantName)
	}
	checkSafeName(t, filename, wantName)

	typ, params, err := mime.ParseMediaType(v)
	if err != nil {
		t.Fatalf("ContentDisposition(%q, %q) = %q: mime.ParseMediaType: %v", disposition, filename, v, err)
	}
	if typ != wantType {
		t.Fatalf("ContentDisposition(%q, %q) = %q: type %q, want %q", disposition, filename, v, typ, wantType)
	}
	if wantName == "" {
		if v != wantType || len(params) != 0 {
			t.Fatalf("ContentDisposition(%q, %q) = %q, want %q", disposition, filename, v, wantType)
		}
		return
	}
	if len(params) != 1 || params["filename"] != wantName {
		t.Fatalf("ContentDisposition(%q, %q) = %q: parameters %q, want filename %q", disposition, filename, v, params, wantName)
	}
	// What a client decodes, whatever the reference says.
	if i := strings.IndexFunc(params["filename"], forbiddenInName); i >= 0 {
		r, _ := utf8.DecodeRuneInString(params["filename"][i:])
		t.Fatalf("ContentDisposition(%q, %q) = %q: the decoded name %q has %U", disposition, filename, v, params["filename"], r)
	}

	// The fallback alone, as a client that ignores filename* sees it.
	wantFallback := refFallback(wantName)
	fallbackOnly, _, hasExt := strings.Cut(v, "; filename*=")
	if hasExt == (wantFallback == wantName) {
		t.Fatalf("ContentDisposition(%q, %q) = %q: filename* present = %v, want %v", disposition, filename, v, hasExt, !hasExt)
	}
	_, params, err = mime.ParseMediaType(fallbackOnly)
	if err != nil {
		t.Fatalf("ContentDisposition(%q, %q) = %q: fallback part: %v", disposition, filename, v, err)
	}
	if params["filename"] != wantFallback {
		t.Fatalf("ContentDisposition(%q, %q) = %q: fallback %q, want %q", disposition, filename, v, params["filename"], wantFallback)
	}
}

// checkSafeName checks the documented properties of SafeFilename's result.
func checkSafeName(t *testing.T, in, name string) {
	t.Helper()
	switch {
	case !utf8.ValidString(name):
		t.Fatalf("SafeFilename(%q) = %q: not UTF-8", in, name)
	case strings.ContainsAny(name, "/\\"):
		t.Fatalf("SafeFilename(%q) = %q: has a path separator", in, name)
	case strings.IndexFunc(name, refUnsafe) >= 0:
		t.Fatalf("SafeFilename(%q) = %q: has a control or formatting character", in, name)
	case strings.IndexFunc(name, forbiddenInName) >= 0:
		t.Fatalf("SafeFilename(%q) = %q: has a separator, a look-alike, or an invisible or control character", in, name)
	case strings.TrimSpace(name) != name:
		t.Fatalf("SafeFilename(%q) = %q: leading or trailing white space", in, name)
	case len(name) > httpsafe.MaxFilenameBytes:
		t.Fatalf("SafeFilename(%q) = %q: %d bytes", in, name, len(name))
	case name == "." || name == "..":
		t.Fatalf("SafeFilename(%q) = %q", in, name)
	case httpsafe.SafeFilename(name) != name:
		t.Fatalf("SafeFilename is not idempotent: %q -> %q -> %q", in, name, httpsafe.SafeFilename(name))
	}
}

// forbiddenInName reports whether r may not appear in a name that
// SafeFilename returns: a path separator or a character that looks like
// one or that best-fit conversion to a Windows code page turns into one,
// a control, a line or paragraph separator, or a character with no glyph
// of its own (format, private use, default-ignorable).
func forbiddenInName(r rune) bool {
	return r == '/' || r == '\\' || strings.ContainsRune(refSlashLikes, r) ||
		unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs, unicode.Zl, unicode.Zp,
			unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// refSlashLikes are the characters that SafeFilename documents as look-alikes
// of "/" and "\\" or as turned into them by best-fit conversion.
const refSlashLikes = "\uFF0F\uFF3C\u2215\u2044\u29F8\u29F9\uFE68\u2216\u2571\u2572\u27CB\u27CD" +
	"\u29F5\u2041\u1735\u2F02\u2F03\u3033\u31D3\u31D4\U0001D20F\U0001D23A\U0001D23B\u00A5\u20A9"

// refInvisible reports whether r is removed by SafeFilename.
func refInvisible(r rune) bool {
	if refUnsafe(r) {
		return false // the bidirectional formatting characters are replaced
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) ||
		unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// refSafeFilename is the specification of SafeFilename, written
// differently: one pass over the runes, then the shortening.
func refSafeFilename(s string) string {
	var runes []rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !refInvisible(r) {
			runes = append(runes, r) // RuneError for an invalid byte, as wanted
		}
	}
	for len(runes) > 0 && unicode.IsSpace(runes[0]) {
		runes = runes[1:]
	}
	for len(runes) > 0 && unicode.IsSpace(runes[len(runes)-1]) {
		runes = runes[:len(runes)-1]
	}
	for i, r := range runes {
		if r == '/' || r == '\\' || strings.ContainsRune(refSlashLikes, r) || refUnsafe(r) {
			runes[i] = '_'
		}
	}
	out := string(runes)
	if len(out) > httpsafe.MaxFilenameBytes {
		ext := ""
		if dot := strings.LastIndex(out, "."); dot > 0 && len(out)-dot <= 32 {
			ext = out[dot:]
		}
		stem := []rune(out[:len(out)-len(ext)])
		n := len(out) - len(ext) // bytes in stem
		for n+len(ext) > httpsafe.MaxFilenameBytes {
			n -= utf8.RuneLen(stem[len(stem)-1])
			stem = stem[:len(stem)-1]
		}
		for len(stem) > 0 && unicode.IsSpace(stem[len(stem)-1]) {
			stem = stem[:len(stem)-1]
		}
		out = string(stem) + ext
	}
	if out == "." || out == ".." {
		return ""
	}
	return out
}

func refUnsafe(r rune) bool {
	switch {
	case r <= 0x1F, 0x7F <= r && r <= 0x9F:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	case r == 0x061C, r == 0x200E, r == 0x200F:
		return true
	case 0x202A <= r && r <= 0x202E, 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

// refFallback is the documented ASCII fallback of a safe name.
func refFallback(name string) string {
	const plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$&'()+-.=@[]^_`{}~"
	var b strings.Builder
	for _, r := range name {
		if r < 0x80 && strings.ContainsRune(plain, r) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// refIsToken reports whether s is a token of RFC 9110 section 5.6.2.
func refIsToken(s string) bool {
	const tchar = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(tchar, s[i]) < 0 {
			return false
		}
	}
	return true
}

// refCookieValue is the value that a cookie carries once net/http has
// dropped the bytes RFC 6265 does not allow (and '\', which Go also drops).
func refCookieValue(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c >= 0x20 && c < 0x7F && c != '"' && c != ';' && c != '\\' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// FuzzCookies checks that for any name and value the cookies from
// SessionCookie and DeleteCookie either are not serialised at all (name not
// a token) or serialise to a single header line that http.ParseSetCookie
// and http.Response.Cookies read back with the name, the value net/http
// keeps, and the promised attributes.
func FuzzCookies(f *testing.F) {
	f.Add("session", "abc123")
	f.Add("__Host-id", "a b,c")
	f.Fuzz(func(t *testing.T, name, value string) {
		// net/http logs each value byte it drops; keep fuzzing output quiet.
		defer log.SetOutput(log.Writer())
		log.SetOutput(io.Discard)

		c := httpsafe.SessionCookie(name, value)
		if c.Name != name || c.Value != value || c.Path != "/" || c.Domain != "" ||
			!c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteLaxMode ||
			c.MaxAge != 0 || !c.Expires.IsZero() {
			t.Fatalf("SessionCookie(%q, %q) = %#v", name, value, c)
		}
		checkCookie(t, c, name, refCookieValue(value), false)

		d := httpsafe.DeleteCookie(name)
		if d.Name != name || d.Value != "" || d.MaxAge >= 0 || !d.Expires.Before(time.Unix(1, 0)) {
			t.Fatalf("DeleteCookie(%q) = %#v", name, d)
		}
		checkCookie(t, d, name, "", true)
	})
}

func checkCookie(t *testing.T, c *http.Cookie, name, wantValue string, deletion bool) {
	t.Helper()
	s := c.String()
	if !refIsToken(name) {
		if s != "" {
			t.Fatalf("cookie with invalid name %q serialised as %q", name, s)
		}
		if c.Valid() == nil {
			t.Fatalf("cookie with invalid name %q is Valid", name)
		}
		rec := httptest.NewRecorder()
		http.SetCookie(rec, c)
		if h := rec.Header().Values("Set-Cookie"); len(h) != 0 {
			t.Fatalf("http.SetCookie wrote %q for invalid name %q", h, name)
		}
		return
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7E {
			t.Fatalf("cookie %q: byte %#x at %d is not printable ASCII", s, s[i], i)
		}
	}

	p, err := http.ParseSetCookie(s)
	if err != nil {
		t.Fatalf("http.ParseSetCookie(%q): %v", s, err)
	}
	check := func(how string, p *http.Cookie) {
		t.Helper()
		wantMaxAge := 0
		if deletion {
			wantMaxAge = -1
		}
		if p.Name != name || p.Value != wantValue || p.Path != "/" || p.Domain != "" ||
			!p.HttpOnly || !p.Secure || p.SameSite != http.SameSiteLaxMode ||
			p.MaxAge != wantMaxAge || len(p.Unparsed) != 0 {
			t.Fatalf("%s(%q) = %#v, want name %q, value %q, Path=/, HttpOnly, Secure, SameSite=Lax, MaxAge %d", how, s, p, name, wantValue, wantMaxAge)
		}
		if deletion != !p.Expires.IsZero() || deletion && !p.Expires.Equal(time.Unix(0, 0)) {
			t.Fatalf("%s(%q): Expires = %v", how, s, p.Expires)
		}
		// The "__Host-" prefix needs Secure, Path=/ and no Domain; the
		// "__Secure-" prefix needs Secure. Both always hold.
	}
	check("http.ParseSetCookie", p)

	// The same through a response, as a Go client reads it.
	rec := httptest.NewRecorder()
	http.SetCookie(rec, c)
	cookies := rec.Result().Cookies()
	if len(cookies) != 1 {
		t.Fatalf("http.SetCookie(%q): response has %d cookies", s, len(cookies))
	}
	check("Response.Cookies", cookies[0])
}
