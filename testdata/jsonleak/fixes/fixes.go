package fixes

import (
	"encoding/json"
	"net/http"

	"resplint.test/jsonleak/models"
)

type User struct { // want User:`^leaks Password$`
	ID       int
	Email    string `json:"email"`
	Password string
}

func showUser(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[User]()) // want `secret field User → .Password`
}

type Account struct { // want Account:`^leaks Salt, totp_secret, api_key$`
	ID         int    `json:"id" db:"id"`
	Salt       []byte `db:"salt"`
	TOTPSecret string `json:"totp_secret,omitempty" db:"totp_secret"`
	APIKey     string `json:"api_key" db:"api_key"`
}

func showAccount(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[*Account]()) // want `secret fields \*Account → .Salt as "Salt" and .TOTPSecret as "totp_secret"` `token field \*Account → .APIKey`
}

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

// UserSignup is decoded from the request body: tagging its Password
// would break sign-up, so no fix is offered.
type UserSignup struct { // want UserSignup:`^leaks password$`
	Email    string `json:"email"`
	Password string `json:"password"`
}

func signup(w http.ResponseWriter, r *http.Request) {
	var req UserSignup
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	json.NewEncoder(w).Encode(req) // want `secret field UserSignup → .Password`
}

// Profile is decoded through a helper of this package.
type Profile struct { // want Profile:`^leaks secret$`
	Name   string `json:"name"`
	Secret string `json:"secret"`
}

func decode(r *http.Request, v any) error { return json.NewDecoder(r.Body).Decode(v) }

func updateProfile(w http.ResponseWriter, r *http.Request) {
	var p Profile
	if decode(r, &p) != nil {
		return
	}
	json.NewEncoder(w).Encode(p) // want `secret field Profile → .Secret`
}

// UserPair declares two names in one field: a tag would apply to both.
type UserPair struct { // want UserPair:`^leaks Password$`
	Name, Password string
}

func showPair(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[UserPair]()) // want `secret field UserPair → .Password`
}

// Models of another package are not edited.
func showModel(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[models.Account]()) // want `secret field models.Account → .Salt`
}
