// Package repo loads users with gorm the ways repositories do: without
// some columns, without associations, or not at all yet. Its callers in
// other packages see what each result leaves empty through facts.
package repo

import (
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"resplint.test/jsonleak/models"
)

// Users is a repository of users.
type Users struct{ db *gorm.DB }

// Public loads a user without its secrets: the hash by column name, the
// token by field name.
func (r *Users) Public(id uint) (*models.User, error) {
	var u models.User
	if err := r.db.Omit("password_hash", "APIToken").First(&u, id).Error; err != nil {
		return nil, err
	}
	return &u, nil
}

// Names lists users with two columns.
func (r *Users) Names() ([]models.User, error) {
	var users []models.User
	err := r.db.Model(&models.User{}).Select("id, email").Find(&users).Error
	return users, err
}

// WithoutToken leaves out the token only: the hash is loaded.
func (r *Users) WithoutToken(id uint) (*models.User, error) {
	u := new(models.User)
	err := r.db.Omit("api_token").Take(u, id).Error
	return u, err
}

// Full loads a user with every column and its account.
func (r *Users) Full(id uint) (models.User, error) {
	var u models.User
	err := r.db.Preload(clause.Associations).First(&u, id).Error
	return u, err
}

// Columns loads the columns of a user, not its account.
func (r *Users) Columns(id uint) (models.User, error) {
	var u models.User
	err := r.db.First(&u, id).Error
	return u, err
}

// Stub is not written yet.
func (r *Users) Stub(id uint) (*models.User, error) { return nil, nil }

// Either clears the hash on one path only.
func (r *Users) Either(id uint, admin bool) (*models.User, error) {
	u, err := r.Full(id)
	if !admin {
		u.PasswordHash, u.APIToken = "", ""
	}
	return &u, err
}

// Summary builds a user with the fields a list shows.
func (r *Users) Summary(id uint) *models.User {
	u, _ := r.Full(id)
	return &models.User{Email: u.Email, HasPassword: u.PasswordHash != ""}
}

// View copies a user for a response: the hash never, the token when
// the caller asks for it.
func View(src *models.User, exposeToken bool) *models.User {
	u := &models.User{Email: src.Email, PasswordHash: "", APIToken: ""}
	if exposeToken {
		u.APIToken = src.APIToken
	}
	return u
}

// Blank makes an empty user and names it.
func Blank(email string) *models.User {
	u := &models.User{}
	u.Email = email
	return u
}

// Page lists users in the order the caller picks, without their hashes
// and tokens; Everything may select every column.
func (r *Users) Page(order string) (users []*models.User, err error) {
	q := r.db.Limit(10).Omit("password_hash", "api_token")
	switch order {
	case "email":
		q = q.Order("email")
	default:
		q = q.Order("id desc")
	}
	err = q.Find(&users).Error
	return users, err
}

func (r *Users) Everything(all bool) (users []*models.User, err error) {
	q := r.db.Limit(10).Omit("password_hash", "api_token")
	if all {
		q = q.Select("*")
	}
	err = q.Find(&users).Error
	return users, err
}

// ByID loads a user by primary key, without its secrets.
func (r *Users) ByID(id uint) (*models.User, error) {
	u := models.User{Model: gorm.Model{ID: id}}
	err := r.db.Omit("password_hash", "api_token").First(&u).Error
	return &u, err
}

// ByIDAll loads every column when asked, the public ones otherwise.
func (r *Users) ByIDAll(id uint, selectAll bool) (*models.User, error) {
	u := models.User{Model: gorm.Model{ID: id}}
	var err error
	if selectAll {
		err = r.db.First(&u).Error
	} else {
		err = r.db.Omit("password_hash", "api_token").First(&u).Error
	}
	return &u, err
}

// Views copies users one by one, as View does; Appended the same with
// append.
func Views(src []models.User) []models.User {
	out := make([]models.User, len(src))
	for i := range src {
		out[i] = *View(&src[i], false)
	}
	return out
}

func Appended(src []models.User, withToken bool) []*models.User {
	var out []*models.User
	for i := range src {
		out = append(out, View(&src[i], withToken))
	}
	return out
}

// List is a page of users.
type List struct { // want List:`^leaks password_hash, api_token, salt$`
	Page  int
	Users []models.User
}

// ListPage fills a field of an empty value through a query.
func (r *Users) ListPage(page int) *List {
	res := &List{}
	res.Page = page
	r.db.Find(&res.Users)
	return res
}

// Flags lists users with the hash replaced by whether one is set, in a
// counted loop, returning its named result.
func (r *Users) Flags() (users []models.User, err error) {
	err = r.db.Find(&users).Error
	for i := 0; i < len(users); i++ {
		if users[i].PasswordHash == "" {
			users[i].PasswordHash = "0"
		} else {
			users[i].PasswordHash = "1"
		}
	}
	return
}

// Cleared blanks the hash before its successful return; its error
// return, whose user callers do not use, does not.
func (r *Users) Cleared(id uint) (u models.User, err error) {
	err = r.db.Omit("api_token").First(&u, id).Error
	if err != nil {
		return
	}
	u.PasswordHash = ""
	return
}

// ClearedOr returns a user without an email with its hash.
func (r *Users) ClearedOr(id uint) (*models.User, error) {
	var u models.User
	if err := r.db.Omit("api_token").First(&u, id).Error; err != nil {
		return &u, err
	}
	if u.Email == "" {
		return &u, nil
	}
	u.PasswordHash = ""
	return &u, nil
}
