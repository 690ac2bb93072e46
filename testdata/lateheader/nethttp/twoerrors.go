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

// Exclusive error answers: one report at the answer both let through.
func eitherError(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Query().Get("e") {
	case "a":
		http.Error(w, "a", http.StatusBadRequest)
	case "b":
		http.Error(w, "b", http.StatusNotFound)
	}
	w.Header().Set("Content-Type", "application/json") // want `header "Content-Type" is set after http.Error at line \d+, which completed the response and does not return`
	json.NewEncoder(w).Encode(1)                       // want `json.NewEncoder\(w\).Encode writes to the response after http.Error at line \d+, which completed the response and does not return`
}

// The same, with an error answer after them.
func eitherErrorThenError(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Query().Get("e") {
	case "a":
		http.Error(w, "a", http.StatusBadRequest)
	case "b":
		http.Error(w, "b", http.StatusNotFound)
	}
	http.Error(w, "c", http.StatusInternalServerError) // want `http.Error responds after http.Error at line 38, which completed the response and does not return` `after http.Error at line 40`
}
