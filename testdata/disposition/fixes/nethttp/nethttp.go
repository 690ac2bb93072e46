// Package nethttp holds the inputs of disposition's suggested-fix golden
// tests.
package nethttp

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"os"
	"time"
)

func exportCSV(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8") // want "served as text/csv"
	fmt.Fprintln(w, "a,b")
}

func serveFile(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	http.ServeFile(w, r, "exports/monthly report.xlsx") // want `file "monthly report.xlsx" served`
}

func statusFirst(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	cw := csv.NewWriter(w) // want "CSV written"
	cw.Write([]string{"a", "b"})
	cw.Flush()
}

func writeRows(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/csv")
	csv.NewWriter(w).Write([]string{"a"})
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		return
	}
	writeRows(w) // want "served as text/csv"
}

func unescaped(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`) // want "built with \\+"
	writeRows(w)
}

func unescapedSprintf(w http.ResponseWriter, r *http.Request, f *os.File) {
	disposition := fmt.Sprintf(`inline; filename="%s"; modification-date="%s"`, f.Name(), time.Now().Format(time.RFC1123))
	w.Header().Set("Content-Disposition", disposition) // want "built with fmt.Sprintf"
	http.ServeContent(w, r, f.Name(), time.Now(), f)
}

func unescapedNumbered(w http.ResponseWriter, r *http.Request, id int) {
	name := r.FormValue("name")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%s-%d.csv", name, id)) // want "built with fmt.Sprintf"
	writeRows(w)
}

func unescapedExtended(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+name) // want "built with \\+"
	writeRows(w)
}
