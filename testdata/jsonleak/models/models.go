// Package models holds persistence models shared by the jsonleak cases. // want package:`copies APIToken, PrivateKey}`
package models

import (
	"time"

	"gorm.io/gorm"
)

// User is a gorm model: its secrets and its tokens leak when sent.
type User struct { // want User:`^leaks password_hash, api_token, salt$`
	gorm.Model
	Email        string   `json:"email" gorm:"uniqueIndex"`
	PasswordHash string   `json:"password_hash"`
	APIToken     string   `json:"api_token,omitempty"`
	Account      *Account `json:"account"`
	HasPassword  bool     `json:"has_password"`
	CreatedAt    time.Time
}

// Account is reached from User through a pointer.
type Account struct { // want Account:`^leaks salt$`
	ID     uint   `json:"id" gorm:"primaryKey"`
	Salt   []byte `json:"salt"`
	Plan   string `json:"plan"`
	Secret string `json:"-"`
}

// UserSession is a MongoDB document (bson tags) of a user's session:
// its token leaks.
type UserSession struct { // want UserSession:`^leaks token$`
	ID    string `bson:"_id" json:"id"`
	Token string `bson:"token" json:"token"`
}

// Profile has no persistence tags but lives in a models package: an
// account's refresh token leaks.
type Profile struct { // want Profile:`^leaks RefreshToken$`
	Name         string
	RefreshToken string
}

// LoginResponse returns a token on purpose, even in a models package.
type LoginResponse struct {
	Token string `json:"token"`
	User  Public `json:"user"`
}

// Public is the filtered view of a User.
type Public struct {
	ID    uint   `json:"id"`
	Email string `json:"email"`
}

// Redacted writes itself as "***".
type Redacted string

func (Redacted) MarshalJSON() ([]byte, error) { return []byte(`"***"`), nil }

// Card stores a payment card with a redacted number.
type Card struct {
	Number Redacted `json:"number"`
	Last4  string   `json:"last4"`
}

// HideSecrets blanks what a User must not send.
func (u *User) HideSecrets() {
	u.PasswordHash = ""
	u.clearToken()
}

func (u *User) clearToken() { u.APIToken = "" }

// Sanitize blanks an account's salt.
func Sanitize(a *Account) { a.Salt = nil }

// KeyResponse is built to be sent, even in a models package.
type KeyResponse struct {
	APIKey string `json:"api_key"`
}

// Device is a user's registered device; the UI shows its token to its
// owner on purpose.
type Device struct {
	ID       uint   `json:"id" gorm:"primaryKey"`
	Token    string `json:"token"`
	Password string `json:"password"`
}

// Share is a shared link; its password is given out by its owner.
type Share struct { // want Share:`^leaks salt$`
	Path     string `json:"path" db:"path"`
	Password string `json:"password" db:"password"`
	Salt     string `json:"salt" db:"salt"`
}

// ProfileForm is a request body and its answer. A package that decodes
// it has only a request's password in it; one that does not sends a
// stored one.
type ProfileForm struct { // want ProfileForm:`^leaks password$`
	Name     string `json:"name"`
	Password string `json:"password,omitempty"`
}

// Member's AITokens counts the tokens it used: a number, no credential.
type Member struct { // want Member:`^leaks api_key$`
	ID       uint   `gorm:"primaryKey"`
	APIKey   string `json:"api_key"`
	AITokens int    `json:"ai_tokens"`
}

// Peer is a stored WireGuard peer, keys included.
type Peer struct { // want Peer:`^leaks private_key$`
	ID         uint   `json:"id" gorm:"primaryKey"`
	PublicKey  string `json:"public_key"`
	PrivateKey string `json:"private_key"`
}

// PeerInfo is the API's view of a peer. No tag makes it a stored
// record, and NewPeerInfo fills its private key by naming the field:
// the key is sent on purpose, even from a models package.
type PeerInfo struct { // want PeerInfo:`^leaks private_key$`
	ID         uint   `json:"id"`
	PublicKey  string `json:"public_key"`
	PrivateKey string `json:"private_key"`
}

func NewPeerInfo(p *Peer) *PeerInfo {
	return &PeerInfo{ID: p.ID, PublicKey: p.PublicKey, PrivateKey: p.PrivateKey}
}

// UserInfo is the API's view of a user; a password hash copied into it
// is still a leak.
type UserInfo struct { // want UserInfo:`^leaks password_hash$`
	Email        string `json:"email"`
	PasswordHash string `json:"password_hash"`
}

func NewUserInfo(u *User) UserInfo {
	return UserInfo{Email: u.Email, PasswordHash: u.PasswordHash}
}

// AccountInfo is the API's view of an account, without tags: the token
// NewAccountInfo copies into it when asked to is sent on purpose.
type AccountInfo struct { // want AccountInfo:`^leaks api_token$`
	Email    string `json:"email"`
	APIToken string `json:"api_token,omitempty"`
}

func NewAccountInfo(u *User, exposeToken bool) *AccountInfo {
	a := &AccountInfo{Email: u.Email}
	if exposeToken {
		a.APIToken = u.APIToken
	}
	return a
}

// Integration is a stored third-party integration, not an account: its
// API key is reported only under -strict.
type Integration struct {
	ID     uint   `json:"id" gorm:"primaryKey"`
	APIKey string `json:"api_key"`
}

// PasswordCredential describes a user's password (when it was set), and
// cannot hold it.
type PasswordCredential struct {
	ID        uint      `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// StoredPassword holds one.
type StoredPassword struct {
	ID   uint   `json:"id"`
	Hash string `json:"hash"`
}

// UserAdminView is an administrator's view of a user: its password is
// the credential's description.
type UserAdminView struct {
	ID       uint                `json:"id"`
	Password *PasswordCredential `json:"password,omitempty"`
}

// UserExport carries the stored password.
type UserExport struct { // want UserExport:`^leaks password$`
	ID       uint            `json:"id"`
	Password *StoredPassword `json:"password,omitempty"`
}
