package nethttp

import (
	"errors"
	"fmt"
	"net/http"
)

func check(r *http.Request) error {
	if r.URL.Query().Get("id") == "" {
		return errors.New("no id")
	}
	return nil
}

// The same condition tested twice with nothing assigned to it in
// between takes the same branch both times: the error page and the
// header are on paths that exclude each other.
func exclusiveBranches(w http.ResponseWriter, r *http.Request) {
	err := check(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
	if err == nil {
		w.Header().Set("X-Checked", "yes")
		fmt.Fprintln(w, "ok")
	}
}

func exclusiveFlag(w http.ResponseWriter, r *http.Request, asJSON bool) {
	if asJSON {
		fmt.Fprintln(w, `{"ok":true}`)
	}
	if !asJSON {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintln(w, "ok")
	}
}

// Assigned in between, the condition may have changed.
func reassignedBetween(w http.ResponseWriter, r *http.Request) {
	err := check(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
	err = check(r)
	if err == nil {
		w.Header().Set("X-Checked", "yes") // want `header "X-Checked" is set after http.Error at line \d+, which completed the response and does not return: the header is dropped; return after http.Error`
	}
}

// Two different conditions can both hold.
func independentConditions(w http.ResponseWriter, r *http.Request, asJSON, cached bool) {
	if asJSON {
		fmt.Fprintln(w, `{"ok":true}`)
	}
	if cached {
		w.Header().Set("Cache-Control", "max-age=60") // want `header "Cache-Control" is set after fmt.Fprintln at line \d+ sent the response header`
	}
}
