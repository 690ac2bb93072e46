// Package usehelpers calls the helpers package: what the helpers do to
// the response is seen through facts.
package usehelpers

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"resplint.test/lateheader/helpers"
)

var errMissing = errors.New("missing")

func afterWriteJSON(w http.ResponseWriter, r *http.Request) {
	helpers.WriteJSON(w, http.StatusOK, map[string]string{"ok": "yes"})
	w.Header().Set("X-Trace", "1") // want `header "X-Trace" is set after helpers.WriteJSON at line \d+ sent the response header`
}

func helperAfterWrite(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("body"))
	helpers.NoCache(w) // want `header "Cache-Control" is set by helpers.NoCache after w.Write at line \d+ sent the response header`
}

func missingReturn(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		helpers.Fail(w, errMissing)
	}
	helpers.WriteJSON(w, http.StatusOK, nil) // want `helpers.WriteJSON is called after helpers.Fail at line \d+, which completed the response and does not return: what it sends is dropped or appended to that response; return after helpers.Fail`
}

// Through a wrapper of this package that calls a helper.
func wrapper(w http.ResponseWriter, v any) {
	helpers.WriteJSON(w, http.StatusOK, v)
}

func afterWrapper(w http.ResponseWriter, r *http.Request) {
	wrapper(w, nil)
	http.SetCookie(w, &http.Cookie{Name: "seen", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "seen" is set after usehelpers.wrapper`
}

func ginAfterHelper(c *gin.Context) {
	helpers.GinOK(c, nil)
	c.Header("X-After", "1") // want `header "X-After" is set after helpers.GinOK`
}

// A helper that always completes the response, after a partial write.
func failAfterWrite(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("partial"))
	helpers.Fail(w, errMissing) // want `helpers.Fail responds after w.Write at line \d+ sent the response header: its status and headers are dropped`
}

// A helper that may set one of several statuses is one mistake at its
// call, not one per status.
func statusesAfterWrite(w http.ResponseWriter, r *http.Request) {
	helpers.WriteJSON(w, http.StatusOK, nil)
	helpers.Status(w, errMissing) // want `status \d+ is set by helpers.Status after helpers.WriteJSON at line \d+ sent the response header`
}

// --- negatives ---

// The caller chose Content-Type and the status; the renderer's own
// Content-Type and its error path on encoding failures are not reported.
func statusThenRender(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	helpers.Render(w, map[string]string{"id": "1"})
}

// The helper writes only on failure, and the caller returns then.
func guarded(w http.ResponseWriter, r *http.Request) {
	if !helpers.CheckAuth(w, r) {
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	w.Write([]byte("secret"))
}

// The helper's own mistake is reported in the helper.
func callsStream(w http.ResponseWriter, r *http.Request) {
	helpers.Stream(w, []byte("x"))
}

func headersFirst(w http.ResponseWriter, r *http.Request) {
	helpers.NoCache(w)
	helpers.WriteJSON(w, http.StatusOK, nil)
}
