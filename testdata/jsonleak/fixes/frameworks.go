package fixes

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/julienschmidt/httprouter"
	"github.com/zeromicro/go-zero/rest/httpx"
)

type Member struct { // want Member:`^leaks password_hash$`
	Name         string `json:"name"`
	PasswordHash string `json:"password_hash"`
}

func hertzMember(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusOK, get[Member]()) // want `c.JSON sends the secret field Member → .PasswordHash`
}

func zeroMember(w http.ResponseWriter, r *http.Request) {
	httpx.OkJsonCtx(r.Context(), w, get[*Member]()) // want `httpx.OkJsonCtx sends the secret field \*Member → .PasswordHash`
}

func routerMember(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	httpx.WriteJson(w, http.StatusOK, []Member{}) // want `httpx.WriteJson sends the secret field \[\]Member → .PasswordHash`
}

// MFASetup is decoded from the request by httpx.Parse: tagging it
// would break the handler, so no fix is offered.
type MFASetup struct { // want MFASetup:`^leaks recovery_codes$`
	RecoveryCodes []string `json:"recovery_codes"`
}

func zeroMFA(w http.ResponseWriter, r *http.Request) {
	var req MFASetup
	if err := httpx.Parse(r, &req); err != nil {
		httpx.ErrorCtx(r.Context(), w, err)
		return
	}
	httpx.OkJson(w, req) // want `httpx.OkJson sends the secret field MFASetup → .RecoveryCodes`
}
