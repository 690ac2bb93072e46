// Package helpers writes responses and sets headers for its callers in
// other packages.
package helpers

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

// WriteJSON always writes.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// Fail always completes the response.
func Fail(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), http.StatusInternalServerError)
}

// CheckAuth writes only when it fails, and says so.
func CheckAuth(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("Authorization") == "" {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return false
	}
	return true
}

// Render sets Content-Type and writes; it answers with an error when
// encoding fails.
func Render(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}

// NoCache sets headers.
func NoCache(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
}

// Stream writes and then sets a header: wrong on its own, reported here
// and not at its callers.
func Stream(w http.ResponseWriter, data []byte) {
	w.Write(data)
	w.Header().Set("X-Length", "n") // want `header "X-Length" is set after w.Write`
}

// GinOK completes a gin response.
func GinOK(c *gin.Context, v any) {
	c.JSON(http.StatusOK, v)
}

// Status answers with one of several statuses, depending on the error.
func Status(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, ErrNotFound):
		w.WriteHeader(http.StatusNotFound)
	case errors.Is(err, ErrConflict):
		w.WriteHeader(http.StatusConflict)
	default:
		w.WriteHeader(http.StatusBadRequest)
	}
}

var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("conflict")
)
