package corpus

import (
	"fmt"
	"strings"
)

// A feature is one unit of the corpus, numbered i.
type feature struct{ i int }

// expand replaces {{i}} with the feature's number and {{mod}} with the
// module path in tmpl.
func (f feature) expand(tmpl string) string {
	return strings.NewReplacer("{{i}}", fmt.Sprint(f.i), "{{mod}}", ModulePath).Replace(tmpl)
}

// models returns a model package whose User links to the previous
// feature's User, so the type graph is as deep as the corpus is wide.
func (f feature) models() string {
	prevImport, prevField := "", ""
	if f.i > 0 {
		prevImport = fmt.Sprintf("prev %q", fmt.Sprintf("%s/models/m%d", ModulePath, f.i-1))
		prevField = "Referrer *prev.User `json:\"referrer,omitempty\"`"
	}
	return fmt.Sprintf(f.expand(`// Package m{{i}} holds the models of feature {{i}}.
package m{{i}}

import (
	"time"

	%s
)

// Geo is a position.
type Geo struct {
	Lat, Lng float64
}

// Address is a postal address.
type Address struct {
	Street string `+"`json:\"street\"`"+`
	City   string `+"`json:\"city\"`"+`
	Geo    Geo    `+"`json:\"geo\"`"+`
}

// Credentials are a user's secrets.
type Credentials struct {
	PasswordHash string `+"`json:\"password_hash\"`"+`
	APIKey       string `+"`json:\"-\"`"+`
	TOTPSecret   string
}

// Audit records who changed a record.
type Audit struct {
	CreatedAt time.Time
	CreatedBy string
	Meta      map[string]any
}

// User is an account.
type User struct {
	ID      int64   `+"`json:\"id\"`"+`
	Name    string  `+"`json:\"name\"`"+`
	Email   string  `+"`json:\"email\"`"+`
	Address Address `+"`json:\"address\"`"+`
	Credentials
	*Audit
	Friends []*User           `+"`json:\"friends\"`"+`
	Tags    map[string][]Tag  `+"`json:\"tags\"`"+`
	%s
}

// Tag labels a user.
type Tag struct {
	Key, Value string
	Owner      *User `+"`json:\"-\"`"+`
}

// Session is a server-side session record.
type Session struct {
	ID        string
	User      User
	Token     string `+"`json:\"token\"`"+`
	ExpiresAt time.Time
}

// Item is a line of an order.
type Item struct {
	SKU      string
	Quantity int
	Price    float64
}

// Order is a purchase.
type Order struct {
	ID       string  `+"`json:\"id\"`"+`
	Buyer    User    `+"`json:\"buyer\"`"+`
	Items    []Item  `+"`json:\"items\"`"+`
	Total    float64 `+"`json:\"total\"`"+`
	CardLast string  `+"`json:\"card_last4\"`"+`
}

// PublicUser is what other users may see of a User.
type PublicUser struct {
	ID   int64  `+"`json:\"id\"`"+`
	Name string `+"`json:\"name\"`"+`
}

// Public returns what other users may see of u.
func (u *User) Public() PublicUser { return PublicUser{ID: u.ID, Name: u.Name} }

// Load returns the user with the given id.
func Load(id string) *User {
	return &User{Name: id, Email: id + "@example.com", Audit: &Audit{CreatedAt: time.Now()}}
}

// Orders returns the orders of u.
func Orders(u *User) []Order {
	return []Order{{ID: "o-{{i}}", Buyer: *u, Items: []Item{{SKU: "sku", Quantity: 1}}}}
}
`), prevImport, prevField)
}

// generic returns a file of generic model code.
func (f feature) generic() string {
	return f.expand(`package m{{i}}

// Page is one page of a listing.
type Page[T any] struct {
	Items []T    ` + "`json:\"items\"`" + `
	Next  string ` + "`json:\"next,omitempty\"`" + `
}

// Paginate returns the first n items of all.
func Paginate[T any](all []T, n int) Page[T] {
	if len(all) <= n {
		return Page[T]{Items: all}
	}
	return Page[T]{Items: all[:n], Next: "more"}
}

// Keyed is anything with an identifier.
type Keyed interface {
	~int64 | ~string
}

// Index maps items by key.
func Index[K Keyed, V any](items []V, key func(V) K) map[K]V {
	m := make(map[K]V, len(items))
	for _, it := range items {
		m[key(it)] = it
	}
	return m
}
`)
}
