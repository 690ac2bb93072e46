// Package nethttp holds jsonleak cases for net/http handlers, and the // want package:`copies Secret}`
// encoding/json rules the type walk follows.
package nethttp

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"

	"resplint.test/jsonleak/models"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

func load() models.User { return get[models.User]() }

// Sinks.

func encode(w http.ResponseWriter, r *http.Request) {
	u := load()
	json.NewEncoder(w).Encode(u) // want `json.NewEncoder\(w\).Encode sends the secret fields models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt" to the client` `sends the token field models.User → .APIToken as "api_token" to the client \(models.User is a persistence model`
}

func encodeSlice(w http.ResponseWriter, r *http.Request) {
	users := get[[]models.User]()
	json.NewEncoder(w).Encode(users) // want `secret fields \[\]models.User → .PasswordHash as "password_hash" and .Account.Salt` `token field`
}

func encodeMap(w http.ResponseWriter, r *http.Request) {
	byID := get[map[string]*models.Account]()
	json.NewEncoder(w).Encode(byID) // want `secret field map\[string\]\*models.Account → .Salt as "salt"`
}

func encoderVariable(w http.ResponseWriter, r *http.Request) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(load().Account) // want `enc.Encode sends the secret field \*models.Account → .Salt`
}

func marshalThenWrite(w http.ResponseWriter, r *http.Request) {
	b, err := json.Marshal(load())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b) // want `w.Write of json.Marshal output sends the secret fields models.User` `token field`
}

func marshalIndentAsString(w http.ResponseWriter, r *http.Request) {
	var b []byte
	b, _ = json.MarshalIndent(load().Account, "", "  ")
	s := string(b)
	w.Write([]byte(s)) // want `w.Write of json.Marshal output sends the secret field \*models.Account → .Salt`
}

// ServeHTTP methods and closures are handlers too.

type accountHandler struct{}

func (accountHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[models.Account]()) // want `secret field models.Account → .Salt`
}

var closure = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[*models.UserSession]()) // want `token field \*models.UserSession → .Token as "token"`
})

// Values behind interfaces, resolved from their one assignment.

func interfaceVariable(w http.ResponseWriter, r *http.Request) {
	var body any = get[[]*models.Account]()
	json.NewEncoder(w).Encode(body) // want `secret field \[\]\*models.Account → .Salt`
}

func interfaceAssignedLater(w http.ResponseWriter, r *http.Request) {
	var out interface{}
	out = get[models.Account]()
	json.NewEncoder(w).Encode(out) // want `secret field models.Account → .Salt`
}

func interfaceConversion(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(any(get[models.Account]())) // want `secret field models.Account → .Salt`
}

// Envelope puts any value under "data".
type Envelope struct {
	OK   bool `json:"ok"`
	Data any  `json:"data"`
}

func envelope(w http.ResponseWriter, r *http.Request) {
	resp := Envelope{OK: true, Data: get[[]models.Account]()}
	json.NewEncoder(w).Encode(resp) // want `secret field Envelope → .Data\[i\].Salt as "salt"`
}

func assignedEnvelope(w http.ResponseWriter, r *http.Request) {
	var resp Envelope
	resp.OK, resp.Data = true, get[[]models.Account]()
	json.NewEncoder(w).Encode(resp) // want `secret field Envelope → .Data\[i\].Salt as "salt"`
}

func assignedPublic(w http.ResponseWriter, r *http.Request) {
	var resp Envelope
	resp.Data = get[models.Public]()
	json.NewEncoder(w).Encode(&resp)
}

// Page is a generic response wrapper.
type Page[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

func page(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Page[models.Account]]()) // want `secret field Page\[models.Account\] → .Items\[i\].Salt`
}

func pagePublic(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Page[models.Public]]())
}

// Embedded structs are promoted, also unexported ones.

type credentials struct {
	Password string
}

type Admin struct { // want Admin:`^leaks Password$`
	credentials
	Name string
}

func embedded(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Admin]()) // want `secret field Admin → .Password as "Password"`
}

// Two embedded fields of one name at one depth cancel out: encoding/json
// writes neither.

type left struct{ Password string }
type right struct{ Password string }

type Ambiguous struct {
	left
	right
	Name string
}

func ambiguous(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Ambiguous]())
}

// A tagged field wins over an untagged one at the same depth.

type tagged struct { // want tagged:`^leaks password_hash$`
	Hash string `json:"password_hash"`
}
type untagged struct{ Hash string }

type Dominant struct { // want Dominant:`^leaks password_hash$`
	tagged
	untagged
}

func dominant(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Dominant]()) // want `secret field Dominant → .Hash as "password_hash"`
}

// Arrays, pointers to pointers, maps of slices.

type Vault struct { // want Vault:`^leaks private_key$`
	Keys   [2]**KeyPair         `json:"keys"`
	ByName map[string][]KeyPair `json:"by_name"`
}

type KeyPair struct { // want KeyPair:`^leaks private_key$`
	Public     string `json:"public"`
	PrivateKey string `json:"private_key,omitempty"`
}

func vault(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Vault]()) // want `secret field Vault → .ByName\[key\]\[i\].PrivateKey as "private_key"`
}

// Recursive types terminate.

type Node struct { // want Node:`^leaks private_key$`
	Name       string  `json:"name"`
	Children   []*Node `json:"children"`
	Parent     *Node   `json:"parent"`
	PrivateKey string  `json:"private_key"`
}

func tree(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[*Node]()) // want `secret field \*Node → .PrivateKey as "private_key"`
}

// A type with its own MarshalJSON counts as filtered.

type Safe struct{ Password string }

func (Safe) MarshalJSON() ([]byte, error) { return []byte(`{}`), nil }

type Masked struct{ Password string }

func (Masked) MarshalText() ([]byte, error) { return []byte("***"), nil }

type WithSafe struct {
	Safe   Safe   `json:"safe"`
	Masked Masked `json:"masked"`
	Card   models.Card
}

func marshalers(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Safe]())
	json.NewEncoder(w).Encode(get[WithSafe]())
}

// A MarshalJSON with a pointer receiver is only called on addressable
// values: encoding/json writes the fields of a Checked passed by value.

type CheckedUser struct{ Password string } // want CheckedUser:`^leaks Password; addressable, none$`

func (*CheckedUser) MarshalJSON() ([]byte, error) { return []byte(`{}`), nil }

func pointerReceiver(w http.ResponseWriter, r *http.Request) {
	c := get[CheckedUser]()
	json.NewEncoder(w).Encode(c) // want `secret field CheckedUser → .Password as "Password" to the client; CheckedUser's MarshalJSON has a pointer receiver, which encoding/json does not call on this non-pointer value`
	json.NewEncoder(w).Encode(&c)
	json.NewEncoder(w).Encode([]CheckedUser{c})
}

// An embedded Marshaler is promoted: the outer type marshals as it does.

type Wrapped struct {
	models.Redacted
	Password string
}

func promotedMarshaler(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Wrapped]())
}

// json:"-", unexported fields, booleans and omitempty.

type Tenant struct { // want Tenant:`^leaks totp_secret$`
	Password    string `json:"-"`
	secret      string
	HasPassword bool `json:"has_password"`
	PasswordSet bool
	Email       string `json:"email,omitempty"`
	TOTPSecret  string `json:"totp_secret,omitempty"` // omitempty still writes it when set
}

func tenant(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Tenant]()) // want `secret field Tenant → .TOTPSecret as "totp_secret"`
}

// A DTO copy of the model is what a response should send; a copy that
// keeps the secret is not.

type UserDTO struct { // want UserDTO:`^leaks password$`
	ID       uint   `json:"id"`
	Email    string `json:"email"`
	Password string `json:"password"`
}

func dtoCopy(w http.ResponseWriter, r *http.Request) {
	u := load()
	json.NewEncoder(w).Encode(models.Public{ID: u.ID, Email: u.Email})
	json.NewEncoder(w).Encode(UserDTO{ID: u.ID, Email: u.Email})
	json.NewEncoder(w).Encode(UserDTO{ID: u.ID, Email: u.Email, Password: u.PasswordHash}) // want `secret field UserDTO → .Password as "password"`
	json.NewEncoder(w).Encode(&UserDTO{u.ID, u.Email, u.PasswordHash})                     // want `secret field \*UserDTO → .Password as "password"`
}

// Tokens: on persistence models only; login responses return them on
// purpose.

type loginResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

func login(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[loginResponse]())
	json.NewEncoder(w).Encode(get[models.LoginResponse]())
	json.NewEncoder(w).Encode(get[models.Profile]()) // want `token field models.Profile → .RefreshToken as "RefreshToken"`
}

// Map literals.

func maps(w http.ResponseWriter, r *http.Request) {
	u := load()
	json.NewEncoder(w).Encode(map[string]any{
		"email":         u.Email,
		"password_hash": u.PasswordHash, // want `map sent as JSON by json.NewEncoder\(w\).Encode has the secret key "password_hash"`
		"hash":          u.PasswordHash, // want `writes the secret field PasswordHash under "hash"`
		"token":         u.APIToken,
		"user":          map[string]any{"salt": string(u.Account.Salt)}, // want `has the secret key "salt" at \["user"\]\["salt"\]`
	})
	json.NewEncoder(w).Encode(map[string]any{"account": u.Account}) // want `secret field map\[string\]any → \["account"\].Salt as "salt"`
	json.NewEncoder(w).Encode(map[string]any{
		"error":            "wrong password",
		"password":         "updated",
		"password_changed": true,
		"has_password":     u.PasswordHash != "",
		"password_length":  len(u.PasswordHash),
		"secret":           nil,
	})
}

// Config holds the server's settings.
type Config struct {
	ClientID     string
	ClientSecret string
}

var config Config

func mapVariable(w http.ResponseWriter, r *http.Request) {
	u := load()
	resp := map[string]string{"client_id": config.ClientID, "client_secret": config.ClientSecret, "email": u.Email, "password": u.PasswordHash} // want `has the secret key "password"`
	json.NewEncoder(w).Encode(resp)
}

// A value computed in the handler is handed to its owner on purpose: a
// new 2FA secret with its QR code, a generated password.
func enroll2FA(w http.ResponseWriter, r *http.Request) {
	secret := newSecret()
	json.NewEncoder(w).Encode(map[string]any{"secret": secret, "qr": "data:image/png;base64,", "password": newSecret()})
}

func newSecret() string { return "JBSWY3DPEHPK3PXP" }

// Fields blanked before the write are not sent.

func cleared(w http.ResponseWriter, r *http.Request) {
	u := load()
	u.PasswordHash = ""
	u.APIToken = "***"
	json.NewEncoder(w).Encode(u) // want `sends the secret field models.User → .Account.Salt as "salt" to the client`
}

func clearedInLoop(w http.ResponseWriter, r *http.Request) {
	users := get[[]models.User]()
	for i := range users {
		users[i].PasswordHash = ""
		users[i].APIToken = ""
	}
	json.NewEncoder(w).Encode(users) // want `sends the secret field \[\]models.User → .Account.Salt as "salt" to the client`
}

func clearedThroughPointers(w http.ResponseWriter, r *http.Request) {
	users := get[[]*models.User]()
	for _, u := range users {
		u.PasswordHash, u.APIToken = "", ""
	}
	json.NewEncoder(w).Encode(users) // want `sends the secret field \[\]\*models.User → .Account.Salt as "salt" to the client`
}

// Clearing a copy, or clearing after the write, does not help.
func clearedTooLate(w http.ResponseWriter, r *http.Request) {
	users := get[[]models.User]()
	for _, u := range users {
		u.PasswordHash = ""
	}
	json.NewEncoder(w).Encode(users) // want `secret fields \[\]models.User → .PasswordHash` `token field`
	u := load()
	json.NewEncoder(w).Encode(u) // want `secret fields models.User → .PasswordHash` `token field`
	u.PasswordHash = ""
}

// A plain password that is not stored, or stored only as a hash the
// struct hides, is the input a request fills, not data to leak.

type Member struct {
	Email    string `json:"email" gorm:"uniqueIndex"`
	Password string `json:"password" gorm:"-"`
	Hash     []byte `json:"-"`
}

type Operator struct {
	Name     string `json:"name"`
	Password string `json:"password"`
	PwdHash  string `json:"-"`
	Salt     string `json:"-"`
}

func writeOnly(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Member]())
	json.NewEncoder(w).Encode(get[[]Operator]())
}

// Not response bodies.

func notResponse(w http.ResponseWriter, r *http.Request) {
	u := load()
	json.NewEncoder(os.Stdout).Encode(u)
	b, _ := json.Marshal(u)
	log.Println(string(b))
	w.Write([]byte("ok"))
}

// An interface variable given two values is left alone: the type that
// is sent depends on the path.
func twoValues(w http.ResponseWriter, r *http.Request, admin bool) {
	var out any = models.Public{}
	if admin {
		out = load()
	}
	json.NewEncoder(w).Encode(out)
}

// A response built to hand a new secret to its owner sets it from a value
// computed in the handler, not from stored data.

type totpSetup struct {
	Secret string `json:"secret"`
	QR     string `json:"qr"`
}

func enrollTOTP(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(totpSetup{Secret: newSecret(), QR: "data:image/png;base64,"})
}

// A secret-named field whose values all write themselves (redacted) sends
// nothing secret.

type RecoveryCode struct {
	Code models.Redacted `json:"code"`
	Used bool            `json:"used"`
}

type MFA struct {
	Enabled       bool           `json:"enabled"`
	RecoveryCodes []RecoveryCode `json:"recovery_codes"`
	BackupCodes   []models.Redacted
}

func mfa(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[MFA]())
}

// The application's own settings are shown to administrators on purpose
// (-config).

type MailConfig struct {
	Host     string `json:"host"`
	Password string `json:"password"`
}

type Server struct {
	Name string     `json:"name"`
	Mail MailConfig `json:"mail"`
}

func adminSettings(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Server]())
}

// ent fills an entity's edges only when a query loads them.

type Group struct {
	Name  string     `json:"name"`
	Edges GroupEdges `json:"edges"`
}

type GroupEdges struct {
	Users       []*models.User `json:"users,omitempty"`
	loadedTypes [1]bool
}

func group(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Group]())
}

// Passwords, secrets and tokens of what is not an account are shown to
// its owner on purpose; secrets proper leak anywhere.
func notAccounts(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[[]models.Device]())
	json.NewEncoder(w).Encode(get[models.Share]()) // want `secret field models.Share → .Salt as "salt"`
	d := get[models.Device]()
	json.NewEncoder(w).Encode(map[string]any{"id": d.ID, "password": d.Password, "token": d.Token})
}

// sharedProfile sends a form of another package that this package never
// decodes.
func sharedProfile(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[models.ProfileForm]()) // want `secret field models.ProfileForm → .Password as "password"`
}

// Marshalled JSON printed to the response by a helper.
func writeJSONf(w http.ResponseWriter, v any) {
	b, _ := json.Marshal(v)
	fmt.Fprintf(w, "%s", b)
}

func printed(w http.ResponseWriter, r *http.Request) {
	writeJSONf(w, load().Account) // want `sends the secret field \*models.Account → .Salt`
}

func fprint(w http.ResponseWriter, r *http.Request) {
	b, _ := json.Marshal(load().Account)
	fmt.Fprint(w, string(b)) // want `sends the secret field \*models.Account → .Salt`
}

func writeString(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(load().Account, "", " ")
	io.WriteString(w, string(b)) // want `sends the secret field \*models.Account → .Salt`
}
