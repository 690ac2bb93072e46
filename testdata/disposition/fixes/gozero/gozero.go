// Package gozero holds the inputs of disposition's suggested-fix golden
// tests for go-zero's net/http handlers.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest/httpx"
)

func zeroDownload(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string `path:"name"`
	}
	if err := httpx.Parse(r, &req); err != nil {
		httpx.ErrorCtx(r.Context(), w, err)
		return
	}
	http.ServeFile(w, r, "exports/backup.zip") // want `file "backup.zip" served`
}
