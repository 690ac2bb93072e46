// want package:`copies PIN}`

// Package options is checked with -secrets='(^|_)pin$',
// -tokens='(^|_)session_id$', -accounts='^Device$',
// -models='jsonleak/options$', -config='^$' and -chosen='(^|_)pin$'.
package options

import (
	"encoding/json"
	"net/http"
)

// get returns a value of type T, as a database read would.
func get[T any]() T {
	var v T
	return v
}

type Card struct { // want Card:`^leaks pin$`
	Holder   string `json:"holder"`
	PIN      string `json:"pin"`
	Password string `json:"password"`
}

type CardSettings struct { // want CardSettings:`^leaks pin$`
	PIN string `json:"pin"`
}

type Device struct { // want Device:`^leaks session_id$`
	SessionID string `json:"session_id"`
	Token     string `json:"token"`
}

func show(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(get[Card]())         // want `secret field Card → .PIN as "pin"`
	json.NewEncoder(w).Encode(get[CardSettings]()) // want `secret field CardSettings → .PIN as "pin"`
	json.NewEncoder(w).Encode(get[Device]())       // want `token field Device → .SessionID as "session_id"`
	var d Device
	json.NewEncoder(w).Encode(map[string]string{
		"pin":      d.Token, // want `has the secret key "pin"`
		"password": d.Token, // want `has the secret key "password"`
	})
}

// A view filled by naming its PIN sends it on purpose, since -chosen
// names it (by default a PIN is not chosen, and this is reported).
type PINView struct { // want PINView:`^leaks pin$`
	Holder string `json:"holder"`
	PIN    string `json:"pin"`
}

func newPINView(c Card) PINView { return PINView{Holder: c.Holder, PIN: c.PIN} }

func showPIN(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(newPINView(get[Card]()))
}
