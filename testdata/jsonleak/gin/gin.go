// Package gin holds jsonleak cases for gin handlers.
package gin

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func load() *models.User { return get[*models.User]() }

func show(c *gin.Context) {
	c.JSON(http.StatusOK, load()) // want `c.JSON sends the secret fields \*models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"` `c.JSON sends the token field \*models.User → .APIToken`
}

func everyJSONMethod(c *gin.Context) {
	a := load().Account
	c.IndentedJSON(http.StatusOK, a)        // want `c.IndentedJSON sends the secret field \*models.Account → .Salt`
	c.SecureJSON(http.StatusOK, a)          // want `c.SecureJSON sends the secret field`
	c.PureJSON(http.StatusOK, a)            // want `c.PureJSON sends the secret field`
	c.AsciiJSON(http.StatusOK, a)           // want `c.AsciiJSON sends the secret field`
	c.JSONP(http.StatusOK, a)               // want `c.JSONP sends the secret field`
	c.AbortWithStatusJSON(http.StatusOK, a) // want `c.AbortWithStatusJSON sends the secret field`
	c.Status(http.StatusOK)
}

func list(c *gin.Context) {
	users := get[[]models.User]()
	c.JSON(http.StatusOK, gin.H{"users": users, "total": len(users)}) // want `secret fields gin.H → \["users"\]\[i\].PasswordHash as "password_hash"` `token field`
}

func handBuilt(c *gin.Context) {
	u := load()
	c.JSON(http.StatusOK, gin.H{
		"id":            u.ID,
		"email":         u.Email,
		"password_hash": u.PasswordHash, // want `map sent as JSON by c.JSON has the secret key "password_hash"`
	})
}

func encoderOnWriter(c *gin.Context) {
	json.NewEncoder(c.Writer).Encode(load().Account) // want `json.NewEncoder\(c.Writer\).Encode sends the secret field`
}

func marshalled(c *gin.Context) {
	b, _ := json.Marshal(load().Account)
	c.Data(http.StatusOK, "application/json", b) // want `c.Data of json.Marshal output sends the secret field`
	c.Writer.Write(b)                            // want `c.Writer.Write of json.Marshal output sends the secret field`
}

// Page is a generic response wrapper.
type Page[T any] struct {
	Items []T `json:"items"`
	Next  string
}

func paged(c *gin.Context) {
	c.JSON(http.StatusOK, get[Page[models.Account]]()) // want `secret field Page\[models.Account\] → .Items\[i\].Salt`
	c.JSON(http.StatusOK, get[Page[models.Public]]())
}

func interfaceValue(c *gin.Context) {
	var payload interface{} = load().Account
	c.JSON(http.StatusOK, payload) // want `secret field \*models.Account → .Salt`
}

// ok wraps data in an envelope; its callers in this package are checked
// with what they pass.
func ok(c *gin.Context, data any) {
	c.JSON(http.StatusOK, gin.H{"code": 0, "data": data})
}

func viaEnvelope(c *gin.Context) {
	ok(c, load()) // want `gin.ok sends the secret fields \*models.User → .PasswordHash` `token field`
	ok(c, models.Public{})
}

// envelope is filled field by field: what goes in its Data is sent.
type envelope struct {
	Code int `json:"code"`
	Data any `json:"data"`
}

func assignedEnvelope(c *gin.Context) {
	var body envelope
	body.Data = get[[]models.Account]()
	c.JSON(http.StatusOK, body) // want `secret field envelope → .Data\[i\].Salt as "salt"`
}

func assignedMap(c *gin.Context) {
	body := envelope{Code: 0}
	body.Data = gin.H{"accounts": get[[]models.Account]()}
	c.JSON(http.StatusOK, &body) // want `secret field \*envelope → .Data\["accounts"\]\[i\].Salt`
}

// A list envelope whose nested Data.List is filled by assignment, by
// the handler or by a helper given the list.
type page struct {
	Total int `json:"total"`
	List  any `json:"list"`
}

type listEnvelope struct {
	Code int  `json:"code"`
	Data page `json:"data"`
}

func assignedNested(c *gin.Context) {
	var body listEnvelope
	body.Data.List = get[[]models.Account]()
	c.JSON(http.StatusOK, body) // want `secret field listEnvelope → .Data.List\[i\].Salt as "salt"`
}

func pageOK(c *gin.Context, list any, total int) {
	var res listEnvelope
	res.Data.List = list
	res.Data.Total = total
	c.JSON(http.StatusOK, res)
}

func pagedAccounts(c *gin.Context) {
	pageOK(c, get[[]models.Account](), 1) // want `gin.pageOK sends the secret field \[\]models.Account → .Salt as "salt"`
	pageOK(c, get[[]models.Public](), 1)
}

func assignedPublic(c *gin.Context) {
	body := envelope{}
	body.Data = get[[]models.Public]()
	c.JSON(http.StatusOK, body)
}

// Negative cases: the filtered DTO, a login response, a redacted type.

func filtered(c *gin.Context) {
	u := load()
	c.JSON(http.StatusOK, models.Public{ID: u.ID, Email: u.Email})
	c.JSON(http.StatusOK, gin.H{"token": u.APIToken, "user": models.Public{ID: u.ID}})
	c.JSON(http.StatusOK, get[models.LoginResponse]())
	c.JSON(http.StatusOK, get[models.Card]())
	c.JSON(http.StatusOK, get[models.KeyResponse]())
	c.JSON(http.StatusOK, gin.H{"error": "invalid password"})
	c.JSON(http.StatusBadRequest, gin.H{"password": "is required"})
}

// Sanitizers of another package, seen through facts.

func sanitized(c *gin.Context) {
	u := load()
	u.HideSecrets()
	c.JSON(http.StatusOK, u) // want `c.JSON sends the secret field \*models.User → .Account.Salt as "salt" to the client`
	models.Sanitize(u.Account)
	a := u.Account
	models.Sanitize(a)
	c.JSON(http.StatusOK, a)
}

func sanitizedList(c *gin.Context) {
	users := get[[]*models.User]()
	for _, u := range users {
		u.HideSecrets()
	}
	c.JSON(http.StatusOK, gin.H{"users": users}) // want `secret field gin.H → \["users"\]\[i\].Account.Salt`
}

func blankedInMap(c *gin.Context) {
	u := load()
	u.PasswordHash, u.APIToken = "", ""
	c.JSON(http.StatusOK, gin.H{"user": u}) // want `secret field gin.H → \["user"\].Account.Salt`
}

// ProfileForm is the request body of updateProfile and its answer: the
// password is only ever filled by requests.
type ProfileForm struct { // want ProfileForm:`^leaks password$`
	Name     string `json:"name"`
	Password string `json:"password,omitempty"`
}

// A form decoded from the request and written back sends the password the
// request carried.
func updateProfile(c *gin.Context) {
	var form ProfileForm
	if err := c.ShouldBindJSON(&form); err != nil {
		return
	}
	c.JSON(http.StatusOK, form) // want `c.JSON sends the secret field ProfileForm → .Password as "password" to the client, as the request sent it: respond with a DTO that leaves it out, or clear it before the write`
}

// updateSharedProfile echoes a form of another package that this package
// decodes.
func updateSharedProfile(c *gin.Context) {
	var form models.ProfileForm
	if err := c.ShouldBindJSON(&form); err != nil {
		return
	}
	c.JSON(http.StatusOK, form) // want `c.JSON sends the secret field models.ProfileForm → .Password as "password" to the client, as the request sent it`
}

// A form cleared before the write, or one the request did not fill, has
// no password in it.
func updateProfileCleared(c *gin.Context) {
	var form ProfileForm
	if err := c.ShouldBindJSON(&form); err != nil {
		return
	}
	form.Password = ""
	c.JSON(http.StatusOK, form)
	c.JSON(http.StatusOK, get[ProfileForm]())
}

// Marshalled JSON printed to gin's writer.
func printed(c *gin.Context) {
	b, _ := json.Marshal(load().Account)
	fmt.Fprintf(c.Writer, "%s\n", b) // want `sends the secret field \*models.Account → .Salt`
}
