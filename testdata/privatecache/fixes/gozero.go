package fixes

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest/httpx"
)

func zeroMe(w http.ResponseWriter, r *http.Request) {
	httpx.OkJson(w, r.Context().Value("user")) // want "without Cache-Control private or no-store"
}
