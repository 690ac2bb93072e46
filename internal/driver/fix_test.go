package driver

import (
	"bytes"
	"crypto/sha256"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

const fixSrc = `package p

import "net/http"

func f(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v"})
}
`

// fixFile writes src to a temporary file and parses it.
func fixFile(t *testing.T, src string) (*token.FileSet, *token.File) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "p.go")
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return fset, fset.File(f.FileStart)
}

// analysed returns the result of a run that read the files of tfs as
// they are now.
func analysed(t *testing.T, tfs ...*token.File) *Result {
	t.Helper()
	r := &Result{sums: make(map[string][sha256.Size]byte)}
	for _, tf := range tfs {
		src, err := os.ReadFile(tf.Name())
		if err != nil {
			t.Fatal(err)
		}
		r.sums[tf.Name()] = sha256.Sum256(src)
	}
	return r
}

// diagWith returns a diagnostic at the start of tf whose first fix replaces
// each of the texts old[i] (found in src) by new[i].
func diagWith(t *testing.T, fset *token.FileSet, tf *token.File, src, message string, edits ...[2]string) Diagnostic {
	t.Helper()
	var tes []analysis.TextEdit
	for _, e := range edits {
		old, new := e[0], e[1]
		i := strings.Index(src, old)
		if i < 0 {
			t.Fatalf("%q not in source", old)
		}
		tes = append(tes, analysis.TextEdit{Pos: tf.Pos(i), End: tf.Pos(i + len(old)), NewText: []byte(new)})
	}
	return Diagnostic{
		Diagnostic: analysis.Diagnostic{
			Pos:            tf.Pos(0),
			Message:        message,
			SuggestedFixes: []analysis.SuggestedFix{{Message: message, TextEdits: tes}},
		},
		Analyzer: "test",
		Posn:     fset.Position(tf.Pos(0)),
		Fset:     fset,
	}
}

func TestApplyFixes(t *testing.T) {
	fset, tf := fixFile(t, fixSrc)
	name := tf.Name()
	lit := `Value: "v"`
	at := strings.Index(fixSrc, lit) + len(lit)
	// insert returns a diagnostic whose fix inserts text after lit.
	insert := func(msg, text string) Diagnostic {
		d := diagWith(t, fset, tf, fixSrc, msg)
		d.SuggestedFixes[0].TextEdits = []analysis.TextEdit{{Pos: tf.Pos(at), End: tf.Pos(at), NewText: []byte(text)}}
		return d
	}
	diags := []Diagnostic{
		insert("httponly", ", HttpOnly: true"),
		insert("secure", ", Secure: true"),
		insert("secure again", ", Secure: true"), // the same fix: applied once
		insert("samesite", ", SameSite: http.SameSiteLaxMode"),
		// The second of these overlaps the first.
		diagWith(t, fset, tf, fixSrc, "rename", [2]string{`"session"`, `"__Host-session"`}),
		diagWith(t, fset, tf, fixSrc, "conflict", [2]string{`Name: "session"`, `Name: "sid"`}),
	}
	problems := analysed(t, tf).ApplyFixes(diags, nil, filepath.Dir(name))
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), `skipped fix "conflict" (test): it conflicts with another fix`) {
		t.Errorf("problems = %v, want one conflict", problems)
	}
	got, _ := os.ReadFile(name)
	want := strings.Replace(fixSrc, `{Name: "session", Value: "v"}`,
		`{Name: "__Host-session", Value: "v", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}`, 1)
	if string(got) != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
}

func TestApplyFixesDuplicateEdits(t *testing.T) {
	// Two different fixes share an edit (as when both add the same
	// import); the shared edit is applied once.
	src := "package p\n\nfunc f() {\n\tg(1)\n\th(1)\n}\n"
	fset, tf := fixFile(t, src)
	diags := []Diagnostic{
		diagWith(t, fset, tf, src, "a", [2]string{"package p\n", "package p\n\nimport \"fmt\"\n"}, [2]string{"g(1)", "g(fmt.Sprint(1))"}),
		diagWith(t, fset, tf, src, "b", [2]string{"package p\n", "package p\n\nimport \"fmt\"\n"}, [2]string{"h(1)", "h(fmt.Sprint(1))"}),
	}
	if problems := analysed(t, tf).ApplyFixes(diags, nil, ""); len(problems) > 0 {
		t.Fatal(problems)
	}
	got, _ := os.ReadFile(tf.Name())
	want := "package p\n\nimport \"fmt\"\n\nfunc f() {\n\tg(fmt.Sprint(1))\n\th(fmt.Sprint(1))\n}\n"
	if string(got) != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
}

func TestApplyFixesFormats(t *testing.T) {
	fset, tf := fixFile(t, fixSrc)
	d := diagWith(t, fset, tf, fixSrc, "a", [2]string{`Value: "v"`, "Value:\"v\",\nHttpOnly:true,\n"})
	if problems := analysed(t, tf).ApplyFixes([]Diagnostic{d}, nil, ""); len(problems) > 0 {
		t.Fatal(problems)
	}
	got, _ := os.ReadFile(tf.Name())
	if !strings.Contains(string(got), "\t\tHttpOnly: true,\n\t})") {
		t.Errorf("fixed file is not gofmt-ed:\n%s", got)
	}
}

func TestApplyFixesUnparseable(t *testing.T) {
	fset, tf := fixFile(t, fixSrc)
	d := diagWith(t, fset, tf, fixSrc, "a", [2]string{`Value: "v"})`, `Value: "v"`})
	problems := analysed(t, tf).ApplyFixes([]Diagnostic{d}, nil, filepath.Dir(tf.Name()))
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "not fixing p.go: the fixes would make it unparseable") {
		t.Errorf("problems = %v, want unparseable", problems)
	}
	if got, _ := os.ReadFile(tf.Name()); string(got) != fixSrc {
		t.Errorf("file was written:\n%s", got)
	}
}

func TestApplyFixesChangedFile(t *testing.T) {
	fset, tf := fixFile(t, fixSrc)
	d := diagWith(t, fset, tf, fixSrc, "a", [2]string{`"v"`, `"w"`})
	r := analysed(t, tf)
	changed := fixSrc + "// more\n"
	if err := os.WriteFile(tf.Name(), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	problems := r.ApplyFixes([]Diagnostic{d}, nil, "")
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "changed since it was analysed") {
		t.Errorf("problems = %v, want changed file", problems)
	}
	if got, _ := os.ReadFile(tf.Name()); string(got) != changed {
		t.Errorf("file was written:\n%s", got)
	}
}

// A file edited while it was analysed is not fixed, even if its size did
// not change: the fixes' offsets are into the bytes analysed.
func TestApplyFixesChangedFileSameSize(t *testing.T) {
	fset, tf := fixFile(t, fixSrc)
	d := diagWith(t, fset, tf, fixSrc, "a", [2]string{`Name: "session"`, `Name: "sid"`})
	r := analysed(t, tf)
	changed := strings.Replace(fixSrc, "func f(w", "func g(w", 1)
	if err := os.WriteFile(tf.Name(), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	problems := r.ApplyFixes([]Diagnostic{d}, nil, filepath.Dir(tf.Name()))
	if len(problems) != 1 || problems[0].Error() != "not fixing p.go: it changed since it was analysed" {
		t.Errorf("problems = %v, want one about the changed file", problems)
	}
	if got, _ := os.ReadFile(tf.Name()); string(got) != changed {
		t.Errorf("file was written:\n%s", got)
	}
}

func TestApplyFixesBrokenPackage(t *testing.T) {
	fset, tf := fixFile(t, fixSrc)
	diags := []Diagnostic{
		diagWith(t, fset, tf, fixSrc, "a", [2]string{`"v"`, `"w"`}),
		diagWith(t, fset, tf, fixSrc, "b", [2]string{`"session"`, `"sid"`}),
	}
	r := analysed(t, tf)
	r.brokenFiles = map[string]string{tf.Name(): "example.com/p"}
	problems := r.ApplyFixes(diags, nil, filepath.Dir(tf.Name()))
	if len(problems) != 1 || problems[0].Error() != "not fixing p.go: package example.com/p has errors" {
		t.Errorf("problems = %v, want one about the broken package", problems)
	}
	if got, _ := os.ReadFile(tf.Name()); string(got) != fixSrc {
		t.Errorf("file was written:\n%s", got)
	}
}

func TestApplyFixesDiff(t *testing.T) {
	fset, tf := fixFile(t, fixSrc)
	d := diagWith(t, fset, tf, fixSrc, "a", [2]string{`"v"`, `"w"`})
	var out bytes.Buffer
	if problems := analysed(t, tf).ApplyFixes([]Diagnostic{d}, &out, filepath.Dir(tf.Name())); len(problems) > 0 {
		t.Fatal(problems)
	}
	want := `--- a/p.go
+++ b/p.go
@@ -3,5 +3,5 @@
 import "net/http"
 
 func f(w http.ResponseWriter) {
-	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v"})
+	http.SetCookie(w, &http.Cookie{Name: "session", Value: "w"})
 }
`
	if out.String() != want {
		t.Errorf("diff:\n%s\nwant:\n%s", out.String(), want)
	}
	if got, _ := os.ReadFile(tf.Name()); string(got) != fixSrc {
		t.Errorf("file was written:\n%s", got)
	}
}

func TestEditOverlaps(t *testing.T) {
	for _, tc := range []struct {
		a, b edit
		want bool
	}{
		{edit{1, 3, ""}, edit{2, 4, ""}, true},
		{edit{1, 3, ""}, edit{3, 4, ""}, false},
		{edit{1, 3, ""}, edit{2, 2, "x"}, true},  // insertion inside a replacement
		{edit{1, 3, ""}, edit{1, 1, "x"}, false}, // insertion at its start
		{edit{1, 3, ""}, edit{3, 3, "x"}, false}, // insertion at its end
		{edit{2, 2, "x"}, edit{2, 2, "y"}, false},
		{edit{0, 5, ""}, edit{1, 2, ""}, true},
	} {
		if got := tc.a.overlaps(tc.b); got != tc.want {
			t.Errorf("%v.overlaps(%v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := tc.b.overlaps(tc.a); got != tc.want {
			t.Errorf("%v.overlaps(%v) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}

// A fix changes only the lines it edits, laid out by gofmt: the badly
// formatted function it does not touch is kept byte for byte, and so are
// the file's CRLF line ends, which the lines it inserts get too.
func TestApplyFixesOnlyFixedLines(t *testing.T) {
	src := strings.ReplaceAll(`package p

import "net/http"

func f(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v"})
}

func   ugly( ) {
x:=1
    _ = x
}
`, "\n", "\r\n")
	fset, tf := fixFile(t, src)
	diags := []Diagnostic{
		diagWith(t, fset, tf, src, "a", [2]string{`Value: "v"`, `Value: "v",HttpOnly:true`}),
		diagWith(t, fset, tf, src, "b", [2]string{"http.SetCookie", "w.Header().Set(\"Cache-Control\",\"no-store\")\n\thttp.SetCookie"}),
	}
	if problems := analysed(t, tf).ApplyFixes(diags, nil, ""); len(problems) > 0 {
		t.Fatal(problems)
	}
	got, _ := os.ReadFile(tf.Name())
	want := strings.Replace(src, "\thttp.SetCookie(w, &http.Cookie{Name: \"session\", Value: \"v\"})\r\n",
		"\tw.Header().Set(\"Cache-Control\", \"no-store\")\r\n\thttp.SetCookie(w, &http.Cookie{Name: \"session\", Value: \"v\", HttpOnly: true})\r\n", 1)
	if string(got) != want {
		t.Errorf("fixed file:\n%q\nwant:\n%q", got, want)
	}
	if n := strings.Count(string(got), "\n"); n != strings.Count(string(got), "\r\n") {
		t.Errorf("%d of %d line ends are not CRLF", n-strings.Count(string(got), "\r\n"), n)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "p.go", got, 0); err != nil {
		t.Errorf("fixed file does not parse: %v", err)
	}
}
