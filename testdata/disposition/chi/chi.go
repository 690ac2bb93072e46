// Package chi holds disposition cases for chi routes and go-chi/render.
package chi

import (
	"encoding/csv"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"
)

type api struct{}

func (a *api) Routes() http.Handler {
	r := chi.NewRouter()
	r.Get("/export/{id}", a.export)
	// The URL names the file the browser saves.
	r.Get("/export/{id}.csv", a.exportNamed)
	r.With(nil).Get("/reports/all.xlsx", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	}).ServeHTTP)
	r.Get("/blob", a.blob)
	r.Get("/blob/named", a.blobNamed)
	r.Get("/inline", func(w http.ResponseWriter, r *http.Request) {
		render.PlainText(w, r, "ok")
	})
	r.Get("/dump", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, "/var/backups/"+chi.URLParam(r, "name")+".tar.gz") // want `\.gz file served without Content-Disposition`
	})
	return r
}

func (a *api) export(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/csv") // want `response served as text/csv without`
	cw := csv.NewWriter(w)
	cw.Write([]string{chi.URLParam(r, "id")})
	cw.Flush()
}

func (a *api) exportNamed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/csv")
	csv.NewWriter(w).Flush()
}

// blob serves application/octet-stream, not a download by default (see
// the types package).
func (a *api) blob(w http.ResponseWriter, r *http.Request) {
	render.Data(w, r, []byte{1, 2, 3})
}

func (a *api) blobNamed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Disposition", `attachment; filename="blob.bin"`)
	render.Data(w, r, []byte{1, 2, 3})
}
