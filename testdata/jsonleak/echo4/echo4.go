// Package echo4 holds jsonleak cases for echo v4 handlers. // want package:`copies ClientSecret}`
package echo4

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func load() models.User { return get[models.User]() }

func show(c echo.Context) error {
	return c.JSON(http.StatusOK, load()) // want `c.JSON sends the secret fields models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"` `token field`
}

func pretty(c echo.Context) error {
	return c.JSONPretty(http.StatusOK, []models.Account{}, "  ") // want `c.JSONPretty sends the secret field \[\]models.Account → .Salt`
}

func jsonp(c echo.Context) error {
	return c.JSONP(http.StatusOK, c.QueryParam("callback"), get[*models.Account]()) // want `c.JSONP sends the secret field \*models.Account → .Salt`
}

func handBuilt(c echo.Context) error {
	u := load()
	return c.JSON(http.StatusOK, echo.Map{
		"email":    u.Email,
		"password": u.PasswordHash, // want `map sent as JSON by c.JSON has the secret key "password"`
	})
}

func blob(c echo.Context) error {
	b, err := json.Marshal(load().Account)
	if err != nil {
		return err
	}
	if c.QueryParam("raw") != "" {
		return c.JSONBlob(http.StatusOK, b) // want `c.JSONBlob of json.Marshal output sends the secret field`
	}
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, b) // want `c.Blob of json.Marshal output sends the secret field`
}

func encoder(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	return json.NewEncoder(c.Response()).Encode(load().Account) // want `json.NewEncoder\(c.Response\(\)\).Encode sends the secret field`
}

// Response wraps any payload.
type Response struct {
	Status string      `json:"status"`
	Data   interface{} `json:"data,omitempty"`
}

func wrapped(c echo.Context) error {
	return c.JSON(http.StatusOK, &Response{Status: "ok", Data: load()}) // want `secret fields \*Response → .Data.PasswordHash as "password_hash"` `token field \*Response → .Data.APIToken`
}

// SMTP and Mailbox are a tenant's mail accounts, shown with their
// secrets masked.
type SMTP struct {
	Host     string `json:"host"`
	Password string `json:"password"`
}

type Mailbox struct { // want Mailbox:`^leaks salt$`
	Servers      []SMTP `json:"servers"`
	ClientSecret string `json:"client_secret"`
	Salt         string `json:"salt"`
}

type okResp struct {
	Data any `json:"data"`
}

func settings(c echo.Context) error {
	s := get[Mailbox]()
	for i := range s.Servers {
		s.Servers[i].Password = strings.Repeat("•", len(s.Servers[i].Password))
	}
	s.ClientSecret = strings.Repeat("•", 8)
	return c.JSON(http.StatusOK, okResp{s}) // want `c.JSON sends the secret field okResp → .Data.Salt as "salt"`
}

func filtered(c echo.Context) error {
	u := load()
	if err := c.JSON(http.StatusOK, &Response{Status: "ok", Data: models.Public{ID: u.ID}}); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, echo.Map{"token": u.APIToken})
}
