package nethttp

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// The status is written once, under a first-time flag, before the first
// write of the loop: never late.
func streamOnce(chunks <-chan []byte, done <-chan struct{}) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		committed := false
		for {
			select {
			case b := <-chunks:
				if !committed {
					w.Header().Set("X-Stream", r.URL.Query().Get("s"))
					w.WriteHeader(http.StatusAccepted)
					committed = true
				}
				_, _ = w.Write(b)
			case <-done:
				return
			}
		}
	}
}

// Another case writes without passing the guard.
func streamOtherCase(chunks <-chan []byte, pings <-chan struct{}) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		committed := false
		for {
			select {
			case b := <-chunks:
				if !committed {
					w.WriteHeader(http.StatusAccepted) // want `status 202 is set after w.Write at line \d+ sent the response header`
					committed = true
				}
				_, _ = w.Write(b)
			case <-pings:
				_, _ = w.Write([]byte("\n"))
			}
		}
	}
}

// A flag set with the error answer keeps the normal answer off its path.
func answeredFlag(w http.ResponseWriter, r *http.Request) {
	answered := false
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		answered = true
	}
	if !answered {
		json.NewEncoder(w).Encode(n)
	}
}
