// Package gozero holds disposition cases for go-zero handlers, which are
// net/http's.
package gozero

import (
	"encoding/csv"
	"net/http"

	"github.com/zeromicro/go-zero/rest"
)

func export(w http.ResponseWriter, r *http.Request) {
	cw := csv.NewWriter(w) // want `CSV written to the response by csv.NewWriter without`
	cw.Write([]string{"a", "b"})
	cw.Flush()
}

func download(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, "exports/backup.zip") // want `file "backup.zip" served without`
}

func attachment(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Disposition", `attachment; filename="report.csv"`)
	cw := csv.NewWriter(w)
	cw.Write([]string{"a", "b"})
	cw.Flush()
}

func Register(server *rest.Server) {
	server.AddRoutes([]rest.Route{
		{Method: http.MethodGet, Path: "/export", Handler: export},
		{Method: http.MethodGet, Path: "/download", Handler: download},
		{Method: http.MethodGet, Path: "/attachment", Handler: attachment},
	})
}
