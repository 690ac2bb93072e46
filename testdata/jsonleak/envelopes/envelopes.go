// Package envelopes builds and returns the envelopes its callers in
// other packages send: what each puts in Data reaches them through facts.
package envelopes

import (
	"github.com/gin-gonic/gin"

	"resplint.test/jsonleak/models"
	"resplint.test/jsonleak/repo"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

// Response is the envelope every answer is wrapped in.
type Response struct {
	Code int         `json:"code"`
	Data interface{} `json:"data"`
	Msg  string      `json:"msg"`
}

// UserList puts the accounts in a map on success, and only a message on
// error.
func UserList(failed bool) *Response {
	resp := Response{Msg: "success"}
	accounts := get[[]*models.Account]()
	if failed {
		resp.Msg = "failed"
		return &resp
	}
	resp.Data = map[string]interface{}{"domain": "example.com", "userList": accounts}
	return &resp
}

// Accounts returns a literal holding the accounts.
func Accounts() Response {
	return Response{Data: get[[]models.Account]()}
}

// Wrap puts what it is given: its callers decide what leaks.
func Wrap(data interface{}) *Response {
	return &Response{Code: 0, Data: data}
}

// Public puts the filtered view.
func Public() *Response {
	var resp Response
	resp.Data = get[[]models.Public]()
	return &resp
}

// Failure puts only a message, on the error path.
func Failure(err error) *Response {
	resp := &Response{}
	if err != nil {
		resp.Data = err.Error()
	}
	return resp
}

// Cleared blanks the salt of what it puts.
func Cleared() *Response {
	a := get[models.Account]()
	a.Salt = nil
	resp := Response{}
	resp.Data = a
	return &resp
}

// Loaded puts a user the repository loads without its secrets.
func Loaded(users *repo.Users, id uint) *Response {
	u, err := users.Public(id)
	if err != nil {
		return &Response{Msg: err.Error()}
	}
	return &Response{Data: u}
}

// Empty puts nothing.
func Empty() *Response {
	return &Response{Data: nil, Msg: "ok"}
}

// Handlers return what wrappers in other packages write (ReturnsFact).
type Handlers struct{ Users *repo.Users }

// Public returns a user loaded without its secrets.
func (h *Handlers) Public(c *gin.Context) (interface{}, error) {
	u, err := h.Users.Public(1)
	if err != nil {
		return nil, err
	}
	return u, nil
}

// Me returns the user it loads, or only an error.
func (h *Handlers) Me(c *gin.Context) (interface{}, error) {
	u, err := h.Users.WithoutToken(1)
	if err != nil {
		return nil, err
	}
	return u, nil
}
