package nethttp

import (
	"encoding/json"
	"net/http"

	"gorm.io/gorm"

	"resplint.test/jsonleak/models"
	"resplint.test/jsonleak/repo"
)

// What the value sent can hold, not only its type.

// A literal of the model that sets some fields sends the others empty.
func partialLiteral(w http.ResponseWriter, r *http.Request) {
	u := load()
	clean := models.User{Email: u.Email, HasPassword: u.PasswordHash != ""}
	json.NewEncoder(w).Encode(clean)
}

// A secret cleared on one branch only is sent on the other.
func clearedOnOneBranch(w http.ResponseWriter, r *http.Request, admin bool) {
	u := load()
	if !admin {
		u.PasswordHash = ""
	}
	u.APIToken = ""
	json.NewEncoder(w).Encode(u) // want `secret fields models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"`
}

// A clear under a nil check clears every user there is.
func clearedIfNotNil(w http.ResponseWriter, r *http.Request) {
	u := get[*models.User]()
	if u != nil {
		u.PasswordHash, u.APIToken = "", ""
		u.Account = nil
	}
	json.NewEncoder(w).Encode(u)
}

// A value nil on every path holds nothing.
func notFound(id string) (*models.User, error) { return nil, nil }

func nilValues(w http.ResponseWriter, r *http.Request) {
	u, _ := notFound(r.URL.Query().Get("id"))
	json.NewEncoder(w).Encode(u)
	var none *models.User
	json.NewEncoder(w).Encode(none)
	json.NewEncoder(w).Encode(map[string]any{"user": u})
}

var db *gorm.DB

// gorm queries that leave the secret columns, and the account, out.
func omitted(w http.ResponseWriter, r *http.Request) {
	var u models.User
	db.Omit("password_hash", "api_token").First(&u, 1)
	json.NewEncoder(w).Encode(u)
	var users []models.User
	db.Select("id", "email").Where("active").Find(&users)
	json.NewEncoder(w).Encode(users)
	q := db.Model(&models.User{}).Omit("PasswordHash, APIToken")
	var list []*models.User
	q.Find(&list)
	json.NewEncoder(w).Encode(list)
	// Two lists the queries load without the secrets, joined.
	var pinned, rest []models.User
	db.Select("id", "email").Where("pinned").Find(&pinned)
	db.Omit("password_hash", "api_token").Find(&rest)
	rest = append(pinned, rest...)
	json.NewEncoder(w).Encode(rest)
	// Model only names the table of a count: total is written, not page.
	var page []models.User
	var total int64
	db.Select("id", "email").Find(&page)
	db.Model(&page).Where("active").Count(&total)
	json.NewEncoder(w).Encode(page)
}

// A Preload whose function selects the association's columns loads only
// those.
func preloadSelected(w http.ResponseWriter, r *http.Request) {
	var u models.User
	db.Omit("password_hash", "api_token").Preload("Account", func(tx *gorm.DB) *gorm.DB {
		return tx.Select("id", "plan")
	}).First(&u, 1)
	json.NewEncoder(w).Encode(u)
	var users []models.User
	db.Select("id", "email").Preload("Account", func(tx *gorm.DB) *gorm.DB {
		return tx.Omit("salt").Order("id")
	}).Find(&users)
	json.NewEncoder(w).Encode(users)
}

// One that orders the rows, or omits another column, loads the salt.
func preloadInFull(w http.ResponseWriter, r *http.Request) {
	var u models.User
	db.Omit("password_hash", "api_token").Preload("Account", func(tx *gorm.DB) *gorm.DB {
		return tx.Order("id")
	}).First(&u, 1)
	json.NewEncoder(w).Encode(u) // want `secret field models.User → .Account.Salt as "salt"`
	var users []models.User
	db.Select("id", "email").Preload("Account", func(tx *gorm.DB) *gorm.DB {
		return tx.Omit("plan")
	}).Find(&users)
	json.NewEncoder(w).Encode(users) // want `secret field \[\]models.User → .Account.Salt as "salt"`
}

// An Omit of another column, a Select of the secret, a Preload of the
// account, or a value filled elsewhere too, leave the secrets in.
func loadedInFull(w http.ResponseWriter, r *http.Request) {
	var u models.User
	db.Omit("email").Preload("Account").First(&u, 1)
	json.NewEncoder(w).Encode(u) // want `secret fields models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"` `token field`
	var names []models.User
	db.Select([]string{"id", "password_hash"}).Find(&names)
	json.NewEncoder(w).Encode(names) // want `secret field \[\]models.User → .PasswordHash as "password_hash" to the client`
	var raw models.User
	db.Raw("SELECT * FROM users").Scan(&raw)
	json.NewEncoder(w).Encode(raw) // want `secret field models.User → .PasswordHash` `token field`
	var decoded models.User
	db.Omit("password_hash", "api_token").First(&decoded, 1)
	json.NewDecoder(r.Body).Decode(&decoded)
	json.NewEncoder(w).Encode(decoded) // want `secret fields models.User → .PasswordHash` `token field`
	var first, more []models.User
	db.Omit("password_hash", "api_token").Find(&first)
	db.Find(&more)
	first = append(first, more...)
	json.NewEncoder(w).Encode(first) // want `secret field \[\]models.User → .PasswordHash` `token field`
	var updated models.User
	db.Omit("password_hash", "api_token").First(&updated, 1)
	db.Model(&updated).Update("password_hash", "x")
	json.NewEncoder(w).Encode(updated) // want `secret fields models.User → .PasswordHash` `token field`
}

// A repository's results, through facts.
func fromRepository(w http.ResponseWriter, r *http.Request, users *repo.Users) {
	u, err := users.Public(1)
	if err != nil {
		return
	}
	json.NewEncoder(w).Encode(u)
	list, _ := users.Names()
	json.NewEncoder(w).Encode(list)
	stub, _ := users.Stub(1)
	json.NewEncoder(w).Encode(stub)
	json.NewEncoder(w).Encode(users.Summary(1))

	t, _ := users.WithoutToken(1)
	json.NewEncoder(w).Encode(t) // want `secret field \*models.User → .PasswordHash as "password_hash" to the client`
	full, _ := users.Full(1)
	json.NewEncoder(w).Encode(full) // want `secret fields models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"` `token field`
	cols, _ := users.Columns(1)
	json.NewEncoder(w).Encode(cols) // want `secret field models.User → .PasswordHash as "password_hash" to the client` `token field`
	cleared, err := users.Cleared(1)
	if err != nil {
		return
	}
	json.NewEncoder(w).Encode(cleared)
	some, _ := users.ClearedOr(1)
	json.NewEncoder(w).Encode(some) // want `secret field \*models.User → .PasswordHash as "password_hash" to the client`
	either, _ := users.Either(1, false)
	json.NewEncoder(w).Encode(either) // want `secret fields \*models.User → .PasswordHash as "password_hash" and .Account.Salt as "salt"` `token field`
}

// A form decoded from the request and written back sends the password the
// request carried; cleared first, it does not.
type UserSignup struct { // want UserSignup:`^leaks password$`
	Email    string `json:"email"`
	Password string `json:"password,omitempty"`
}

func echoRequest(w http.ResponseWriter, r *http.Request) {
	var form UserSignup
	if err := json.NewDecoder(r.Body).Decode(&form); err != nil {
		return
	}
	json.NewEncoder(w).Encode(form) // want `sends the secret field UserSignup → .Password as "password" to the client, as the request sent it`
	form.Password = ""
	json.NewEncoder(w).Encode(form)
}

// The same type loaded by a query holds the stored password, unless the
// query leaves it out.
func storedSignup(w http.ResponseWriter, r *http.Request) {
	var u UserSignup
	db.Where("email = ?", r.FormValue("email")).First(&u)
	json.NewEncoder(w).Encode(u) // want `sends the secret field UserSignup → .Password as "password" to the client, as stored: respond with a DTO that leaves it out, or clear it before the write`
	var v UserSignup
	db.Omit("password").First(&v)
	json.NewEncoder(w).Encode(v)
}

// A stand-in that fills the secret with a constant sends it: only zero
// values count as empty.
func findStandIn() models.User {
	return models.User{Email: "ada@example.com", PasswordHash: "$2a$10$..."}
}

func standIn(w http.ResponseWriter, r *http.Request) {
	u := findStandIn()
	json.NewEncoder(w).Encode(u) // want `secret field models.User → .PasswordHash as "password_hash" to the client`
}

// A copy whose token a branch fills sends the token when the caller asks
// for it, never the hash; an empty value whose name is set holds no
// secret. A constant argument decides a helper's branch.
func views(w http.ResponseWriter, r *http.Request, users *repo.Users) {
	json.NewEncoder(w).Encode(repo.View(get[*models.User](), true)) // want `token field \*models.User → .APIToken as "api_token"`
	json.NewEncoder(w).Encode(repo.View(get[*models.User](), false))
	json.NewEncoder(w).Encode(repo.View(get[*models.User](), r.URL.Query().Has("t"))) // want `token field \*models.User → .APIToken as "api_token"`
	json.NewEncoder(w).Encode(repo.Blank("ada@example.com"))
	u, _ := users.ByIDAll(1, false)
	json.NewEncoder(w).Encode(u)
	all, _ := users.ByIDAll(1, true)
	json.NewEncoder(w).Encode(all) // want `secret field \*models.User → .PasswordHash` `token field`
}

// Chains refined in branches, and a literal the query fills.
func refined(w http.ResponseWriter, r *http.Request, users *repo.Users) {
	page, _ := users.Page(r.URL.Query().Get("order"))
	json.NewEncoder(w).Encode(page)
	u, _ := users.ByID(1)
	json.NewEncoder(w).Encode(u)
	all, _ := users.Everything(true)
	json.NewEncoder(w).Encode(all) // want `secret field \[\]\*models.User → .PasswordHash` `token field`
}

// Slices built element by element hold what each element holds.
func viewLists(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(repo.Views(get[[]models.User]()))
	json.NewEncoder(w).Encode(repo.Appended(get[[]models.User](), false))
	json.NewEncoder(w).Encode(repo.Appended(get[[]models.User](), true)) // want `token field \[\]\*models.User → .APIToken`
}

// A query that fills a field of an empty value fills it.
func listPage(w http.ResponseWriter, r *http.Request, users *repo.Users) {
	json.NewEncoder(w).Encode(users.ListPage(1)) // want `secret fields \*repo.List → .Users\[i\].PasswordHash` `token field`
}

// A mask written in a counted loop, returned by a bare return.
func flags(w http.ResponseWriter, r *http.Request, users *repo.Users) {
	list, _ := users.Flags()
	json.NewEncoder(w).Encode(list) // want `token field \[\]models.User → .APIToken`
}
