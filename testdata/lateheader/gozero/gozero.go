// Package gozero holds lateheader's go-zero cases: its handlers write
// through net/http, and httpx's writers send the header.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest/httpx"
)

type reply struct{ ID string }

func late(w http.ResponseWriter, r *http.Request) {
	httpx.OkJsonCtx(r.Context(), w, reply{ID: "1"})
	w.Header().Set("X-Request-Id", "1") // want `header "X-Request-Id" is set after httpx.OkJsonCtx at line \d+ sent the response header`
}

func afterError(w http.ResponseWriter, r *http.Request) {
	var req reply
	if err := httpx.Parse(r, &req); err != nil {
		httpx.ErrorCtx(r.Context(), w, err)
	}
	httpx.OkJson(w, req) // want `httpx.OkJson writes to the response after httpx.ErrorCtx at line \d+`
}

func inTime(w http.ResponseWriter, r *http.Request) {
	var req reply
	if err := httpx.Parse(r, &req); err != nil {
		httpx.ErrorCtx(r.Context(), w, err)
		return
	}
	w.Header().Set("X-Request-Id", "1")
	httpx.WriteJson(w, http.StatusCreated, req)
}
