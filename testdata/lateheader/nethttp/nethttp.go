// Package nethttp holds lateheader's net/http cases.
package nethttp

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
	"time"
)

var tmpl = template.Must(template.New("page").Parse(`<p>{{.}}</p>`))

type item struct{ Name string }

func load(r *http.Request) (item, error) {
	if r.URL.Path == "/" {
		return item{}, errors.New("no item")
	}
	return item{Name: r.URL.Path}, nil
}

// --- positives ---

func statusFirst(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	w.Header().Set("Content-Type", "application/json") // want `header "Content-Type" is set after w.WriteHeader at line \d+ sent the response header: net/http sends the header with the first write or WriteHeader and ignores later changes, so the header is dropped; set it before the first write`
	json.NewEncoder(w).Encode(item{})
}

func cookieAfterWrite(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("hello"))
	http.SetCookie(w, &http.Cookie{Name: "seen", Value: "1"}) // want `cookie "seen" is set after w.Write at line \d+ sent the response header: .*so the cookie is dropped`
}

func secondStatus(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "partial")
	w.WriteHeader(http.StatusInternalServerError) // want `status 500 is set after fmt.Fprintf at line \d+ sent the response header: the status line is already sent, so net/http drops this one and logs "superfluous response.WriteHeader call"`
}

func superfluous(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
	w.WriteHeader(http.StatusOK) // want `status 200 is set after w.WriteHeader at line \d+`
}

func afterEncode(w http.ResponseWriter, r *http.Request) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(item{})
	w.Header().Set("X-Count", "1") // want `header "X-Count" is set after enc.Encode at line \d+`
}

func afterCopy(w http.ResponseWriter, r *http.Request) {
	io.Copy(w, strings.NewReader("body"))
	w.Header().Add("X-Done", "yes") // want `header "X-Done" is added after io.Copy`
}

func afterWriteString(w http.ResponseWriter, r *http.Request) {
	io.WriteString(w, "body")
	w.Header().Del("Content-Length") // want `header "Content-Length" is deleted after io.WriteString`
}

func afterTemplate(w http.ResponseWriter, r *http.Request) {
	tmpl.Execute(w, "x")
	w.Header().Set("Cache-Control", "no-store") // want `header "Cache-Control" is set after tmpl.Execute`
	tmpl.ExecuteTemplate(w, "page", "y")
}

func afterServeFile(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, "report.pdf")
	w.Header().Set("Content-Disposition", "attachment") // want `header "Content-Disposition" is set after http.ServeFile`
}

func afterFlush(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	w.Header().Set("X-Accel-Buffering", "no") // want `header "X-Accel-Buffering" is set after f.Flush`
	rc := http.NewResponseController(w)
	rc.Flush()
}

// A write on one path is enough.
func onSomePath(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("v") {
		fmt.Fprintln(w, "verbose")
	}
	w.Header().Set("Content-Type", "text/plain") // want `header "Content-Type" is set after fmt.Fprintln`
	fmt.Fprintln(w, "done")
}

// A loop that writes, then sets a header in the next iteration.
func loop(w http.ResponseWriter, r *http.Request) {
	for _, n := range []string{"a", "b"} {
		w.Header().Add("X-Item", n) // want `header "X-Item" is added after fmt.Fprintln`
		fmt.Fprintln(w, n)
	}
}

// An error answer in a loop that goes on: the next iteration answers
// again.
func retryAnswer(w http.ResponseWriter, r *http.Request) {
	for range 3 {
		if _, err := load(r); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound) // want `http.Error responds after http.Error in an earlier iteration of the loop, which completed the response`
			continue
		}
	}
}

// A missing return after http.Error: the first later event is reported.
func missingReturn(w http.ResponseWriter, r *http.Request) {
	it, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
	}
	w.Header().Set("Content-Type", "application/json") // want `header "Content-Type" is set after http.Error at line \d+, which completed the response and does not return: the header is dropped; return after http.Error`
	json.NewEncoder(w).Encode(it)
}

func missingReturnRedirect(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/old" {
		http.Redirect(w, r, "/new", http.StatusMovedPermanently)
	}
	fmt.Fprintf(w, "page") // want `fmt.Fprintf writes to the response after http.Redirect at line \d+, which completed the response and does not return: the output is appended to that response`
}

func missingReturnNotFound(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/gone":
		http.NotFound(w, r)
	default:
	}
	tmpl.Execute(w, r.URL.Path) // want `tmpl.Execute writes to the response after http.NotFound`
}

// A missing return, and a header late on the normal path too.
func missingReturnAndLate(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		http.Error(w, "no path", http.StatusBadRequest)
	}
	w.WriteHeader(http.StatusCreated)      // want `status 201 is set after http.Error at line \d+, which completed the response and does not return: the status is dropped`
	w.Header().Set("Location", "/items/1") // want `header "Location" is set after w.WriteHeader at line \d+ sent the response header`
}

// http.Error after a partial write: its status is lost.
func errorAfterWrite(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "header line")
	if _, err := load(r); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `http.Error responds after fmt.Fprintln at line \d+ sent the response header: its status and headers are dropped`
		return
	}
}

// Through a helper of the same package.
func viaHelper(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, item{})
	w.Header().Set("ETag", `"1"`) // want `header "Etag" is set after nethttp.writeJSON at line \d+`
}

func headerViaHelper(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("x"))
	noStore(w) // want `header "Cache-Control" is set by nethttp.noStore after w.Write`
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func noStore(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
}

// A helper that is wrong on its own is reported in the helper.
func brokenHelper(w http.ResponseWriter) {
	w.Write([]byte("x"))
	w.Header().Set("X-Late", "1") // want `header "X-Late" is set after w.Write`
}

func callsBroken(w http.ResponseWriter, r *http.Request) {
	brokenHelper(w)
}

// Middleware: the next handler has normally written the response.
func timing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		w.Header().Set("X-Elapsed", time.Since(start).String()) // want `header "X-Elapsed" is set after next.ServeHTTP at line \d+ ran the handler, which has normally written the response by then: .*set it before calling the handler`
	})
}

func requireAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
		}
		next.ServeHTTP(w, r) // want `next.ServeHTTP runs the next handler after http.Error at line \d+, which completed the response and does not return: the next handler still runs, and what it writes is appended to that response`
	})
}

// --- negatives ---

// A header set in one branch and a write in another.
func branches(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodHead {
		w.Header().Set("Content-Length", "0")
	} else {
		w.Write([]byte("body"))
	}
}

func returnsAfterError(w http.ResponseWriter, r *http.Request) {
	it, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(it)
}

func panics(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/boom" {
		w.WriteHeader(http.StatusInternalServerError)
		panic("boom")
	}
	if r.URL.Path == "/exit" {
		fmt.Fprintln(w, "bye")
		os.Exit(1)
	}
	if r.URL.Path == "/fatal" {
		http.Error(w, "fatal", http.StatusInternalServerError)
		log.Fatalf("fatal %s", r.URL)
	}
	w.Header().Set("X-OK", "1")
	w.Write([]byte("ok"))
}

// Trailers are set after the body on purpose.
func trailers(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Trailer", "X-Checksum, X-Rows")
	w.Write([]byte("data"))
	w.Header().Set("X-Checksum", "abc")
	w.Header().Set("X-Rows", "1")
	w.Header().Set(http.TrailerPrefix+"X-Elapsed", time.Second.String())
}

// 1xx informational status codes leave the header open.
func earlyHints(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Link", "</style.css>; rel=preload; as=style")
	w.WriteHeader(http.StatusEarlyHints)
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(http.StatusOK)
}

// The error path of the write itself may still answer: nothing was
// written, or the client is gone.
func writeErrors(w http.ResponseWriter, r *http.Request) {
	if err := tmpl.Execute(w, "x"); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
}

func encodeError(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	err := json.NewEncoder(w).Encode(item{})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func writeError(w http.ResponseWriter, r *http.Request) {
	if _, err := w.Write([]byte("x")); err == nil {
		return
	} else {
		w.WriteHeader(http.StatusInternalServerError)
	}
}

// When a raw copy fails, the client is gone or the source broke: the
// error status is a best effort, whatever was sent before.
func copyError(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	if _, err := io.Copy(w, r.Body); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// An encoder fails before writing, so a status sent earlier is lost.
func encodeAfterStatus(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	if err := json.NewEncoder(w).Encode(item{}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `http.Error responds after w.WriteHeader`
	}
}

// A helper that writes only on failure is not a write for its caller.
func authorize(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("Authorization") == "" {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return false
	}
	return true
}

func guarded(w http.ResponseWriter, r *http.Request) {
	if !authorize(w, r) {
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprintln(w, "secret")
}

// Writes to other writers are not the response.
func otherWriters(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(os.Stderr, "log")
	var sb strings.Builder
	tmpl.Execute(&sb, "x")
	w.Header().Set("Content-Type", "text/html")
	io.WriteString(w, sb.String())
}

// Every case responds and returns.
func cases(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		fmt.Fprintln(w, "get")
		return
	case http.MethodPost:
		w.WriteHeader(http.StatusCreated)
		return
	}
	w.Header().Set("Allow", "GET, POST")
	w.WriteHeader(http.StatusMethodNotAllowed)
}

// A deferred or asynchronous call does not happen in place.
func deferred(w http.ResponseWriter, r *http.Request) {
	defer fmt.Fprintln(w, "footer")
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprintln(w, "body")
}

// Arguments run before the call: the cookie is saved before Execute
// writes.
func viewModel(w http.ResponseWriter) string {
	http.SetCookie(w, &http.Cookie{Name: "flash", MaxAge: -1})
	return "page"
}

func argumentsFirst(w http.ResponseWriter, r *http.Request) {
	tmpl.Execute(w, viewModel(w))
}

// Headers before the next handler are sent with its output; a handler
// given a wrapper may have its output buffered.
type recorder struct {
	http.ResponseWriter
	status int
}

func (rec *recorder) WriteHeader(code int) {
	rec.status = code
	rec.ResponseWriter.WriteHeader(code)
}

func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Frame-Options", "DENY")
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		w.Header().Set("X-Status", http.StatusText(rec.status))
	})
}

// A function literal is a function of its own.
func closures(w http.ResponseWriter, r *http.Request) {
	write := func() { w.Write([]byte("x")) }
	w.Header().Set("X-Before", "1")
	write()
}

// A server's own loop takes a new response in each iteration: what the
// handler did to the previous one does not make this one's header late.
func serveLoop(next func() http.ResponseWriter, h http.Handler, r *http.Request) {
	for {
		w := next()
		w.Header().Set("Connection", "close")
		h.ServeHTTP(w, r)
	}
}

// Within one iteration the order still counts.
func serveLoopLate(next func() http.ResponseWriter, h http.Handler, r *http.Request) {
	for {
		w := next()
		h.ServeHTTP(w, r)
		w.Header().Set("Connection", "close") // want `header "Connection" is set after h.ServeHTTP`
	}
}

// statusWriter records the status it sends; its Write sends 200 only when
// no status was sent yet, as net/http's own response does.
type statusWriter struct {
	w      http.ResponseWriter
	status int
}

func (s *statusWriter) Header() http.Header { return s.w.Header() }

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.w.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.WriteHeader(http.StatusOK)
	}
	return s.w.Write(b)
}

func createdThroughWrapper(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{w: w}
	sw.WriteHeader(http.StatusCreated)
	sw.Write([]byte("created"))
}

// forcedOK sends 200 on every write, whatever was sent before.
type forcedOK struct{ http.ResponseWriter }

func (f forcedOK) Write(b []byte) (int, error) {
	f.ResponseWriter.WriteHeader(http.StatusOK)
	return f.ResponseWriter.Write(b)
}

func createdThroughForcedOK(w http.ResponseWriter, r *http.Request) {
	fw := forcedOK{w}
	fw.WriteHeader(http.StatusCreated)
	fw.Write([]byte("created")) // want `status 200 is set by nethttp.Write after fw.WriteHeader`
}
