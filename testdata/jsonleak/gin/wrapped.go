package gin

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"resplint.test/jsonleak/envelopes"
	"resplint.test/jsonleak/helpers"
	"resplint.test/jsonleak/models"
)

// wrapperHandler returns the data of a response; a wrapper writes it.
type wrapperHandler func(c *gin.Context) (interface{}, error)

// baseDTO is the envelope wrapHandler writes.
type baseDTO struct {
	Status int         `json:"status"`
	Data   interface{} `json:"data"`
}

// wrapHandler writes what the handler returns in an envelope: each
// route it wraps is checked with what its handler returns.
func wrapHandler(h wrapperHandler) gin.HandlerFunc {
	return func(c *gin.Context) {
		data, err := h(c)
		if err != nil {
			c.JSON(http.StatusInternalServerError, gin.H{"message": err.Error()})
			return
		}
		c.JSON(http.StatusOK, &baseDTO{Status: http.StatusOK, Data: data})
	}
}

// wrapRaw writes what the handler returns as the body itself, through
// a helper.
func wrapRaw(h wrapperHandler) gin.HandlerFunc {
	return func(c *gin.Context) {
		data, _ := h(c)
		helpers.GinSuccess(c, data)
	}
}

// wrapStatus calls the handler but writes only constants.
func wrapStatus(h wrapperHandler) gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, err := h(c); err != nil {
			c.JSON(http.StatusInternalServerError, gin.H{"ok": false})
			return
		}
		c.JSON(http.StatusOK, gin.H{"ok": true})
	}
}

func listUsers(c *gin.Context) (interface{}, error) {
	users := get[[]models.User]()
	return users, nil
}

// listPublic returns views without secrets.
func listPublic(c *gin.Context) (interface{}, error) {
	return get[[]models.Public](), nil
}

// failing answers an error only.
func failing(c *gin.Context) (interface{}, error) {
	return nil, errors.New("unavailable")
}

// me clears the user's secrets before returning it, and returns it
// uncleared only with an error, which the wrapper does not write.
func me(c *gin.Context) (interface{}, error) {
	u := get[*models.User]()
	if err := c.Err(); err != nil {
		return u, err
	}
	u.PasswordHash = ""
	u.APIToken = ""
	u.Account = nil
	return u, nil
}

func routesWrapped(r *gin.Engine) {
	r.GET("/users", wrapHandler(listUsers))                              // want `gin.wrapHandler sends the secret fields \[\]models.User → .PasswordHash` `gin.wrapHandler sends the token field \[\]models.User → .APIToken`
	r.GET("/raw", wrapRaw(listUsers))                                    // want `gin.wrapRaw sends the secret fields \[\]models.User → .PasswordHash` `gin.wrapRaw sends the token field`
	r.GET("/me", wrapHandler(func(c *gin.Context) (interface{}, error) { // want `gin.wrapHandler sends the secret fields \*models.User → .PasswordHash` `gin.wrapHandler sends the token field \*models.User → .APIToken`
		return get[*models.User](), nil
	}))
	r.GET("/public", wrapHandler(listPublic))
	r.GET("/fail", wrapHandler(failing))
	r.GET("/me/clean", wrapHandler(me))
	r.GET("/status", wrapStatus(listUsers))
}

// Handlers of another package are checked with what they return, as
// their ReturnsFact says.
func routesWrappedThere(r *gin.Engine, h *envelopes.Handlers) {
	r.GET("/public", wrapHandler(h.Public))
	r.GET("/me", wrapHandler(h.Me)) // want `gin.wrapHandler sends the secret field \*models.User → .PasswordHash`
}
