package fixes

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
	"github.com/zeromicro/go-zero/rest/httpx"
)

func routerCreated(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	w.WriteHeader(http.StatusCreated)
	w.Header().Set("Location", "/items/"+ps.ByName("id")) // want `header "Location" is set after w.WriteHeader`
}

func zeroShow(w http.ResponseWriter, r *http.Request) {
	it, err := find(r.URL.Query().Get("id"))
	if err != nil {
		httpx.ErrorCtx(r.Context(), w, err)
	}
	httpx.OkJsonCtx(r.Context(), w, it) // want `httpx.OkJsonCtx writes to the response after httpx.ErrorCtx`
}
