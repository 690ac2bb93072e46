// Package strict holds jsonleak's cases under -strict: a response type // want package:`copies PrivateKey}`
// filled by naming its secret field is reported on every framework.
package strict

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/render"
	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	"github.com/gorilla/mux"
	"github.com/julienschmidt/httprouter"
	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
	"github.com/zeromicro/go-zero/rest/httpx"

	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func info() *models.PeerInfo { return models.NewPeerInfo(get[*models.Peer]()) }

// keyView is filled here, by naming the field.
type keyView struct { // want keyView:`^leaks private_key$`
	Name       string `json:"name"`
	PrivateKey string `json:"private_key"`
}

func nethttp(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(info()) // want `secret field \*models.PeerInfo → .PrivateKey as "private_key"`
	p := get[*models.Peer]()
	json.NewEncoder(w).Encode(keyView{Name: "wg0", PrivateKey: p.PrivateKey})   // want `secret field keyView → .PrivateKey`
	json.NewEncoder(w).Encode(models.NewAccountInfo(get[*models.User](), true)) // want `token field \*models.AccountInfo → .APIToken as "api_token"`
	// The tokens of every persistence model, not only of accounts.
	json.NewEncoder(w).Encode(get[[]models.Integration]()) // want `token field \[\]models.Integration → .APIKey as "api_key" to the client \(models.Integration is a persistence model`
	json.NewEncoder(w).Encode(get[[]models.Device]())      // want `token field \[\]models.Device → .Token as "token"`
}

func chi(w http.ResponseWriter, r *http.Request) {
	render.JSON(w, r, info()) // want `secret field \*models.PeerInfo → .PrivateKey`
}

func gorilla(w http.ResponseWriter, r *http.Request) {
	_ = mux.Vars(r)
	json.NewEncoder(w).Encode(info()) // want `secret field \*models.PeerInfo → .PrivateKey`
}

func ginHandler(c *gin.Context) {
	c.JSON(http.StatusOK, info()) // want `secret field \*models.PeerInfo → .PrivateKey`
}

func echo4Handler(c echo4.Context) error {
	return c.JSON(http.StatusOK, info()) // want `secret field \*models.PeerInfo → .PrivateKey`
}

func echo5Handler(c *echo5.Context) error {
	return c.JSON(http.StatusOK, info()) // want `secret field \*models.PeerInfo → .PrivateKey`
}

func fiber2Handler(c *fiber2.Ctx) error {
	return c.JSON(info()) // want `secret field \*models.PeerInfo → .PrivateKey`
}

func fiber3Handler(c fiber3.Ctx) error {
	return c.JSON(info()) // want `secret field \*models.PeerInfo → .PrivateKey`
}

func httprouterHandler(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	json.NewEncoder(w).Encode(info()) // want `secret field \*models.PeerInfo → .PrivateKey`
}

func gozero(w http.ResponseWriter, r *http.Request) {
	httpx.OkJsonCtx(r.Context(), w, info()) // want `secret field \*models.PeerInfo → .PrivateKey`
}

func hertz(ctx context.Context, c *app.RequestContext) {
	c.JSON(http.StatusOK, info()) // want `secret field \*models.PeerInfo → .PrivateKey`
}
