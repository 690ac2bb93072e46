// Package helpers writes JSON responses for its callers in other
// packages.
package helpers

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"resplint.test/jsonleak/models"
)

// WriteJSON writes any value: its callers decide what leaks.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// WriteUser leaks whatever its callers pass: reported here, once.
func WriteUser(c *gin.Context, u *models.User) {
	c.JSON(http.StatusOK, u) // want `c.JSON sends the secret fields \*models.User` `token field`
}

// OK is generic: the type argument decides.
func OK[T any](c echo.Context, v T) error {
	return c.JSON(http.StatusOK, v)
}

// Marshal writes the bytes of json.Marshal.
func Marshal(c *fiber.Ctx, v interface{}) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.Send(b)
}

// Response is the envelope every answer of the API is wrapped in.
type Response struct {
	Code int         `json:"code"`
	Data interface{} `json:"data"`
	Msg  string      `json:"msg"`
}

// Result writes data in the envelope: its callers decide what leaks.
func Result(code int, data interface{}, msg string, c *gin.Context) {
	c.JSON(http.StatusOK, Response{
		code,
		data,
		msg,
	})
}

// OkWithData passes its data on to Result.
func OkWithData(data interface{}, c *gin.Context) {
	Result(0, data, "ok", c)
}

// Success takes its data as an optional variadic argument.
func Success(c echo.Context, data ...interface{}) error {
	if len(data) == 0 {
		return c.JSON(http.StatusOK, echo.Map{"code": 0})
	}
	return c.JSON(http.StatusOK, echo.Map{"code": 0, "data": data[0]})
}

// SuccessResponse is an envelope its helper fills field by field.
type SuccessResponse struct {
	Code     int         `json:"code"`
	Message  string      `json:"message"`
	Response interface{} `json:"response"`
}

// ReturnSuccess sets the envelope's fields in one assignment: its
// callers decide what leaks.
func ReturnSuccess(w http.ResponseWriter, res interface{}, msg string) {
	var resp SuccessResponse
	resp.Code, resp.Response, resp.Message = http.StatusOK, res, msg
	json.NewEncoder(w).Encode(resp)
}

// GinSuccess sets them one by one.
func GinSuccess(c *gin.Context, res any) {
	resp := SuccessResponse{Code: http.StatusOK}
	resp.Response = res
	c.JSON(http.StatusOK, &resp)
}

// Wrap turns a function that returns its data into a handler that
// encodes it: its callers in other packages are checked with what the
// function they pass returns.
func Wrap(h func(r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := h(r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(v)
	}
}
