package nethttp

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Test servers are not reported.
func TestLogin(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "v"})
	}))
	defer srv.Close()
}
