package nethttp

import (
	"fmt"
	"net/http"
	"strconv"
)

// Each event sets the header it already has on the wire: no change.
func events(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 3; i++ {
		w.Header().Set("Content-Type", "text/event-stream")
		fmt.Fprintf(w, "data: %d\n\n", i)
		w.(http.Flusher).Flush()
	}
}

// A value that differs on later events is dropped.
func sequence(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 3; i++ {
		w.Header().Set("X-Seq", strconv.Itoa(i)) // want `header "X-Seq" is set after`
		fmt.Fprintf(w, "data: %d\n\n", i)
	}
}

// The same value set again after the first write, when it was sent with
// it: no change.
func again(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.Write([]byte("a"))
	w.Header().Set("Content-Type", "text/plain")
}

// Set only after the write: never sent.
func onlyLate(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("a"))
	w.Header().Set("Content-Type", "text/plain") // want `header "Content-Type" is set after w.Write`
}

// Another value after the write is dropped.
func changed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.Write([]byte("a"))
	w.Header().Set("Content-Type", "text/csv") // want `header "Content-Type" is set after w.Write`
}
