// Package types holds disposition cases for a custom -types list:
// application/octet-stream and vendor types with a wildcard, not CSV.
package types

import (
	"encoding/csv"
	"net/http"

	"github.com/go-chi/render"
)

func blob(w http.ResponseWriter, r *http.Request) {
	render.Data(w, r, []byte{1, 2, 3}) // want `response served as application/octet-stream without`
}

func firmware(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/octet-stream") // want `response served as application/octet-stream without`
}

func vendor(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/vnd.acme.report+json") // want `response served as application/vnd.acme.report\+json without`
}

func notListed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/csv")
	csv.NewWriter(w).Flush()
	http.ServeFile(w, r, "report.zip")
}
