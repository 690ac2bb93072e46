// Package nethttp holds disposition cases for net/http handlers.
package nethttp

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"
)

const csvType = "text/csv; charset=utf-8"

func exportCSV(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/csv") // want `response served as text/csv without Content-Disposition: browsers display it, or save it under a name taken from the URL; set "Content-Disposition: attachment" before the first write`
	w.Write([]byte("a,b\n1,2\n"))
}

func namedConstant(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", csvType) // want `response served as text/csv without`
	csv.NewWriter(w).Write([]string{"a", "b"})
}

func csvWriter(w http.ResponseWriter, r *http.Request) {
	cw := csv.NewWriter(w) // want `CSV written to the response by csv.NewWriter without Content-Disposition`
	cw.Write([]string{"a", "b"})
	cw.Flush()
}

func charsetParam(w http.ResponseWriter, r *http.Request) {
	charset := r.URL.Query().Get("charset")
	w.Header().Set("Content-Type", "text/tab-separated-values; charset="+charset) // want `response served as text/tab-separated-values without`
	io.WriteString(w, "a\tb\n")
}

func serveFile(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, "exports/report.csv") // want `file "report.csv" served without Content-Disposition`
}

func serveBuiltPath(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	http.ServeFile(w, r, "exports/"+id+".xlsx") // want `\.xlsx file served without Content-Disposition`
}

func serveContent(w http.ResponseWriter, r *http.Request) {
	f, err := os.Open("backup.zip")
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	http.ServeContent(w, r, "backup.zip", time.Time{}, f) // want `file "backup.zip" served without`
}

func headerMap(w http.ResponseWriter, r *http.Request) {
	w.Header()["Content-Type"] = []string{"application/zip"} // want `response served as application/zip without`
	w.Write(nil)
}

func headerVariable(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/x-tar") // want `response served as application/x-tar without`
	w.WriteHeader(http.StatusOK)
}

type server struct{ dir string }

// export has the shape of an httprouter handler.
func (s *server) export(w http.ResponseWriter, r *http.Request, id string) {
	w.Header().Set("Content-Type", "application/vnd.ms-excel") // want `response served as application/vnd.ms-excel without`
}

// handleExport returns the handler.
func (s *server) handleExport() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip") // want `response served as application/gzip without`
	}
}

// exportFor is registered through a wrapper, never called by name.
func (s *server) exportFor(w http.ResponseWriter, user string) {
	w.Header().Set("Content-Type", "text/csv") // want `response served as text/csv without`
}

func (s *server) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /export", withUser(s.exportFor))
}

func withUser(h func(http.ResponseWriter, string)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { h(w, r.Header.Get("X-User")) }
}

// writeCSV is a helper: its callers decide on Content-Disposition.
func writeCSV(w http.ResponseWriter, rows [][]string) {
	w.Header().Set("Content-Type", "text/csv")
	csv.NewWriter(w).WriteAll(rows)
}

func callsHelper(w http.ResponseWriter, r *http.Request) {
	writeCSV(w, nil) // want `response served as text/csv \(by nethttp.writeCSV\) without`
}

func callsHelperWithDisposition(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Disposition", `attachment; filename="rows.csv"`)
	writeCSV(w, nil)
}

// Negatives.

func attachment(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/csv")
	w.Header().Set("Content-Disposition", "attachment")
	w.Write(nil)
}

func inline(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Disposition", "inline")
	http.ServeFile(w, r, "report.csv")
}

func dispositionAfterBody(w http.ResponseWriter, r *http.Request) {
	// Setting it too late is lateheader's finding, not this one.
	cw := csv.NewWriter(w)
	w.Header().Set("Content-Disposition", "attachment; filename=rows.csv")
	cw.Flush()
}

func dispositionInMap(w http.ResponseWriter, r *http.Request) {
	w.Header()["Content-Disposition"] = []string{"attachment"}
	w.Header().Set("Content-Type", "application/zip")
}

func headersFromTable(w http.ResponseWriter, r *http.Request) {
	for k, v := range map[string]string{"Content-Type": "text/csv", "Content-Disposition": "attachment"} {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "text/csv")
}

func inlineTypes(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Type", r.URL.Query().Get("type"))
	w.Header().Set("Content-Type", mime.TypeByExtension(filepath.Ext(r.URL.Path)))
	http.ServeFile(w, r, "static/index.html")
	http.ServeFile(w, r, "docs/manual.pdf")
	http.ServeFile(w, r, filepath.Join("static", r.URL.Path))
}

func explicitPlainText(w http.ResponseWriter, r *http.Request) {
	// Shown in the browser on purpose.
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	csv.NewWriter(w).Write([]string{"a", "b"})
}

func notTheResponse(w http.ResponseWriter, r *http.Request) {
	r.Header.Set("Content-Type", "text/csv")
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"a"})
	csv.NewWriter(os.Stdout).Flush()
	w.Write(buf.Bytes())
}

func precompressed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Encoding", "gzip")
	http.ServeFile(w, r, r.URL.Path+".gz")
}

// WriteRows is a helper for other packages, which see it through facts.
func WriteRows(w http.ResponseWriter, rows [][]string) {
	w.Header().Set("Content-Type", "text/csv")
	csv.NewWriter(w).WriteAll(rows)
}

// Unescaped Content-Disposition values.

func concatenated(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	w.Header().Set("Content-Disposition", "attachment; filename="+name) // want `Content-Disposition built with \+ from the file name name computed at run time: quotes, ";", line breaks or non-ASCII characters in it break the header, and a name an attacker chooses can add parameters \(reflected file download\); build it with mime.FormatMediaType or httpsafe.Attachment`
	http.ServeFile(w, r, "files/"+name)
}

func sprintfPlain(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("file")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%s", name)) // want `Content-Disposition built with fmt.Sprintf from the file name name computed`
}

func builtInVariable(w http.ResponseWriter, r *http.Request, f *os.File) {
	cd := fmt.Sprintf(`attachment; filename="%s"`, f.Name())
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", cd) // want `Content-Disposition built with fmt.Sprintf from the file name f.Name\(\) computed`
}

func extendedParam(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("file")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+name) // want `built with \+ from the file name name`
}

func safeValues(w http.ResponseWriter, r *http.Request, id int, name string) {
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=report-%d.csv", id))
	w.Header().Set("Content-Disposition", "attachment; filename=export-"+time.Now().Format("20060102")+".csv")
	w.Header().Set("Content-Disposition", "attachment; filename=export-"+strconv.Itoa(id)+".csv")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	disposition := r.FormValue("disposition")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`%s; filename="report.csv"`, disposition))
	ext := "csv"
	if r.FormValue("format") == "excel" {
		ext = "xlsx"
	}
	w.Header().Set("Content-Disposition", "attachment; filename=report."+ext)
	w.Header().Set("Content-Disposition", name)
	// %q and strconv.Quote escape quotes and line breaks.
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	w.Header().Set("Content-Disposition", "attachment; filename="+strconv.Quote(name))
}

func validated(w http.ResponseWriter, r *http.Request) {
	typ := r.PathValue("type")
	if typ != "views" && typ != "clicks" {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Disposition", "attachment; filename=campaign_"+typ+".csv")
	format := r.FormValue("format")
	switch format {
	case "csv", "tsv":
	default:
		format = "csv"
	}
	w.Header().Set("Content-Disposition", "attachment; filename=export."+format)
}

func sanitized(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	safe := asciiSafeName(name)
	if name == safe {
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	} else {
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, safe, url.PathEscape(name)))
	}
}

func asciiSafeName(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c < ' ' || c > '~' || c == '"' || c == '\\' {
			b[i] = '_'
		}
	}
	return string(b)
}

// A variable reassigned through a sanitizer holds the sanitized name
// from there on.
func reassignedSanitized(w http.ResponseWriter, r *http.Request) {
	filename := r.FormValue("db")
	if t := r.FormValue("table"); t != "" {
		filename = filename + "_" + t
	}
	filename = asciiSafeName(filename)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.sql.gz"`, filename))
	w.Write([]byte("dump"))
}

func reassignedParam(w http.ResponseWriter, name string) {
	name = asciiSafeName(name)
	w.Header().Set("Content-Disposition", "attachment; filename="+name)
}

func rawToParam(w http.ResponseWriter, r *http.Request) {
	reassignedParam(w, r.FormValue("name"))
}

// Sanitized on one branch only: the other keeps the raw name.
func sanitizedOnOneBranch(w http.ResponseWriter, r *http.Request) {
	filename := r.FormValue("name")
	if r.FormValue("clean") != "" {
		filename = asciiSafeName(filename)
	}
	w.Header().Set("Content-Disposition", "attachment; filename="+filename) // want `Content-Disposition built with \+ from the file name filename computed`
}

// Sanitized, then given a raw name again before the use.
func rawAfterSanitized(w http.ResponseWriter, r *http.Request) {
	filename := asciiSafeName(r.FormValue("name"))
	if r.FormValue("raw") != "" {
		filename = r.FormValue("name")
	}
	w.Header().Set("Content-Disposition", "attachment; filename="+filename) // want `Content-Disposition built with \+ from the file name filename computed`
}

// A raw name given later in a loop reaches the use on the next iteration.
func rawInLoop(w http.ResponseWriter, r *http.Request, names []string) {
	filename := asciiSafeName(r.FormValue("name"))
	for _, n := range names {
		w.Header().Add("Content-Disposition", "attachment; filename="+filename) // want `Content-Disposition built with \+ from the file name filename computed`
		filename = n
	}
}

// A closure may assign the variable at any time.
func rawInClosure(w http.ResponseWriter, r *http.Request) {
	filename := r.FormValue("name")
	reset := func() { filename = r.FormValue("other") }
	filename = asciiSafeName(filename)
	reset()
	w.Header().Set("Content-Disposition", "attachment; filename="+filename) // want `Content-Disposition built with \+ from the file name filename computed`
}

var (
	safeNameRe  = regexp.MustCompile(`^[a-zA-Z0-9_\-.]+$`)
	anyNameRe   = regexp.MustCompile(`^.+$`)
	unanchored  = regexp.MustCompile(`[a-zA-Z0-9_.-]+`)
	noQuoteRe   = regexp.MustCompile(`^[^"]*$`)
	foldedRe    = regexp.MustCompile(`(?i)^[a-z]+$`)
	startOnlyRe = regexp.MustCompile(`^[a-z]+`)
)

// Names checked against an allowlist of safe characters before the
// header, with a return on mismatch.
func allowlistedName(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	if !safeNameRe.MatchString(name) {
		http.Error(w, "bad name", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	file := r.FormValue("file") + ".csv"
	if len(file) > 64 || !safeNameRe.Match([]byte(file)) {
		panic("bad file")
	}
	w.Header().Set("Content-Disposition", "attachment; filename="+file)
}

// Guards that do not make the name safe.
func badAllowlists(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	if !anyNameRe.MatchString(name) || !unanchored.MatchString(name) || !noQuoteRe.MatchString(name) || !startOnlyRe.MatchString(name) {
		return
	}
	w.Header().Set("Content-Disposition", "attachment; filename="+name) // want `Content-Disposition built with \+ from the file name name computed`
	folded := r.FormValue("folded")
	if !foldedRe.MatchString(folded) { // (?i) lets the Kelvin sign through
		return
	}
	w.Header().Set("Content-Disposition", "attachment; filename="+folded) // want `Content-Disposition built with \+ from the file name folded computed`
}

// A guard that does not return, one on a branch, and a name given a raw
// value after the guard are still reported.
func guardsThatDoNotHold(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	if !safeNameRe.MatchString(name) {
		http.Error(w, "bad name", http.StatusBadRequest)
	}
	w.Header().Set("Content-Disposition", "attachment; filename="+name) // want `Content-Disposition built with \+ from the file name name computed`
	other := r.FormValue("other")
	if r.FormValue("check") != "" {
		if !safeNameRe.MatchString(other) {
			return
		}
	}
	w.Header().Set("Content-Disposition", "attachment; filename="+other) // want `Content-Disposition built with \+ from the file name other computed`
	last := r.FormValue("last")
	if !safeNameRe.MatchString(last) {
		return
	}
	last = r.FormValue("raw")
	w.Header().Set("Content-Disposition", "attachment; filename="+last) // want `Content-Disposition built with \+ from the file name last computed`
}

// attachmentHeader is only ever given safe names.
func attachmentHeader(w http.ResponseWriter, filename string) {
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, filename))
}

func archives(w http.ResponseWriter, r *http.Request) {
	attachmentHeader(w, fmt.Sprintf("archive-%d.zip", time.Now().Unix()))
	attachmentHeader(w, "archive.tar")
}

// namedHeader is given a name from the request by one of its callers,
// which is reported.
func namedHeader(w http.ResponseWriter, filename string) {
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, filename))
}

func named(w http.ResponseWriter, r *http.Request) {
	namedHeader(w, "archive.zip")
	namedHeader(w, r.FormValue("name")) // want `Content-Disposition built with fmt.Sprintf in nethttp.namedHeader from the file name r.FormValue\("name"\) computed at run time`
}

// A filename parameter without a disposition type is still a filename.
func filenameOnly(w http.ResponseWriter, r *http.Request, f *os.File) {
	w.Header().Set("Content-Disposition", fmt.Sprintf(`filename="%s"`, f.Name())) // want `Content-Disposition built with fmt.Sprintf from the file name f.Name\(\) computed`
}

// setHeader sets any header its caller names.
func setHeader(w http.ResponseWriter, key, value string) {
	w.Header().Set(key, value)
}

func throughSetHeader(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("file")
	setHeader(w, "Content-Type", "text/csv")
	setHeader(w, "Content-Disposition", "attachment; filename="+name) // want `Content-Disposition built with \+ from the file name name computed`
	w.Write([]byte("a,b\n"))
}
