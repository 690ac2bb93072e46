// Package usehttpsafe uses every httpsafe helper as docs/httpsafe.md
// documents it, in handlers that identify the user and serve downloads:
// no check reports anything.
package usehttpsafe

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"

	"github.com/resplint/resplint/httpsafe"
)

var data = []byte("a,b\n")

func download(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	httpsafe.Attachment(w, c.Value+".csv")
	httpsafe.NoStore(w)
	w.Header().Set("Content-Type", "text/csv")
	w.Write(data)
}

func inline(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	httpsafe.Inline(w, c.Value+".csv")
	httpsafe.Private(w, time.Minute)
	w.Header().Set("Content-Type", "text/csv")
	w.Write(data)
}

func login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, httpsafe.SessionCookie("__Host-session", "id"))
}

func logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, httpsafe.DeleteCookie("__Host-session"))
}

func routes() {
	m := http.NewServeMux()
	m.Handle("GET /me", httpsafe.NoStoreHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := r.Cookie("session")
		w.Write([]byte(c.Value))
	})))
}

func ginDownload(c *gin.Context) {
	u, _ := c.Cookie("session")
	httpsafe.Attachment(c.Writer, u+".csv")
	httpsafe.NoStore(c.Writer)
	c.Data(http.StatusOK, "text/csv", data)
}

func ginByString(c *gin.Context) {
	u, _ := c.Cookie("session")
	c.Header("Content-Disposition", httpsafe.ContentDisposition("attachment", u+".csv"))
	c.Header("Cache-Control", httpsafe.CacheControlPrivate(5*time.Minute))
	c.Data(http.StatusOK, "text/csv", data)
}

func ginLogin(c *gin.Context) {
	c.SetCookieData(httpsafe.SessionCookie("__Host-session", "id"))
	http.SetCookie(c.Writer, httpsafe.SessionCookie("__Host-session", "id"))
}

func echo4Download(c echo4.Context) error {
	u, _ := c.Cookie("session")
	httpsafe.Attachment(c.Response(), u.Value+".csv")
	httpsafe.NoStore(c.Response())
	return c.Blob(http.StatusOK, "text/csv", data)
}

func echo4Private(c echo4.Context) error {
	u, _ := c.Cookie("session")
	httpsafe.Private(c.Response(), time.Minute)
	return c.JSON(http.StatusOK, u.Value)
}

func echo4Login(c echo4.Context) error {
	c.SetCookie(httpsafe.SessionCookie("__Host-session", "id"))
	c.SetCookie(httpsafe.DeleteCookie("__Host-session"))
	return c.NoContent(http.StatusNoContent)
}

func echo5Download(c *echo5.Context) error {
	u, _ := c.Cookie("session")
	httpsafe.Attachment(c.Response(), u.Value+".csv")
	httpsafe.NoStore(c.Response())
	return c.Blob(http.StatusOK, "text/csv", data)
}

func echo5Login(c *echo5.Context) error {
	c.SetCookie(httpsafe.SessionCookie("__Host-session", "id"))
	c.SetCookie(httpsafe.DeleteCookie("__Host-session"))
	return c.NoContent(http.StatusNoContent)
}

func fiber2Download(c *fiber2.Ctx) error {
	u := c.Cookies("session")
	c.Set(fiber2.HeaderContentDisposition, httpsafe.ContentDisposition("attachment", u+".csv"))
	c.Set(fiber2.HeaderCacheControl, httpsafe.CacheControlNoStore)
	c.Set(fiber2.HeaderContentType, "text/csv")
	return c.Send(data)
}

func fiber2Login(c *fiber2.Ctx) error {
	c.Set(fiber2.HeaderSetCookie, httpsafe.SessionCookie("__Host-session", "id").String())
	c.Set(fiber2.HeaderSetCookie, httpsafe.DeleteCookie("__Host-session").String())
	return c.SendStatus(http.StatusNoContent)
}

func fiber3Download(c fiber3.Ctx) error {
	u := c.Cookies("session")
	c.Set(fiber3.HeaderContentDisposition, httpsafe.ContentDisposition("attachment", u+".csv"))
	c.Set(fiber3.HeaderCacheControl, httpsafe.CacheControlNoStore)
	c.Set(fiber3.HeaderContentType, "text/csv")
	return c.Send(data)
}

func fiber3Public(c fiber3.Ctx) error {
	c.Set(fiber3.HeaderCacheControl, httpsafe.CacheControlPublic(time.Hour))
	return c.SendString("the same for everyone")
}
