// Package httprouter holds lateheader's httprouter cases: its handlers
// write through net/http.
package httprouter

import (
	"encoding/json"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

func late(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	json.NewEncoder(w).Encode(map[string]string{"id": ps.ByName("id")})
	w.Header().Set("Content-Type", "application/json") // want `header "Content-Type" is set after json.NewEncoder\(w\).Encode at line \d+ sent the response header: net/http sends the header`
}

func afterError(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	if ps.ByName("id") == "" {
		http.Error(w, "no id", http.StatusBadRequest)
	}
	w.Write([]byte("ok")) // want `w.Write writes to the response after http.Error at line \d+`
}

func inTime(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	json.NewEncoder(w).Encode(map[string]string{"id": ps.ByName("id")})
}

func Routes() http.Handler {
	r := httprouter.New()
	r.GET("/late/:id", late)
	r.GET("/error/:id", afterError)
	r.GET("/ok/:id", inTime)
	return r
}
