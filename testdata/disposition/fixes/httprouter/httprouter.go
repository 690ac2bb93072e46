// Package httprouter holds the inputs of disposition's suggested-fix
// golden tests for httprouter.
package httprouter

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
)

func routerExport(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	w.Header().Set("Content-Type", "text/csv") // want "served as text/csv"
	w.Write([]byte("a,b\n" + ps.ByName("id")))
}

func routerName(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	w.Header().Set("Content-Disposition", "attachment; filename="+ps.ByName("name")) // want `Content-Disposition built with \+`
	http.ServeFile(w, r, "exports/report.csv")
}
