package nethttp

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// Two error answers without return: each lets the next answer follow.
func twoErrors(w http.ResponseWriter, r *http.Request) {
	p, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
	pp, err := strconv.Atoi(r.URL.Query().Get("per_page"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest) // want `http.Error responds after http.Error at line \d+, which completed the response and does not return`
	}
	json.NewEncoder(w).Encode([]int{p, pp}) // want `json.NewEncoder\(w\).Encode writes to the response after http.Error at line \d+, which completed the response and does not return`
}
