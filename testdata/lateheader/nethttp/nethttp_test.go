package nethttp

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Test servers are not reported.
func TestLate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("x"))
		w.Header().Set("X-Late", "1")
	}))
	defer srv.Close()
}
