// Package httprouter holds disposition cases for httprouter handlers.
package httprouter

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
)

func export(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.Header().Set("Content-Type", "text/csv") // want `response served as text/csv without Content-Disposition`
	w.Write([]byte("a,b\n"))
}

func file(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	w.Header().Set("Content-Disposition", "attachment; filename="+ps.ByName("name")) // want `Content-Disposition built with \+ from the file name ps.ByName\("name"\) computed`
	http.ServeFile(w, r, "exports/"+ps.ByName("name")+".csv")
}

func attachment(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.Header().Set("Content-Disposition", `attachment; filename="report.csv"`)
	w.Header().Set("Content-Type", "text/csv")
	w.Write([]byte("a,b\n"))
}

func Routes() http.Handler {
	r := httprouter.New()
	r.GET("/export", export)
	r.GET("/files/:name", file)
	r.GET("/attachment", attachment)
	return r
}
