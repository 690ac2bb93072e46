package nethttp

import (
	"encoding/json"
	"net/http"

	"resplint.test/jsonleak/models"
)

// accountsEnvelope fills the envelope it returns field by field.
func accountsEnvelope() *Envelope {
	var resp Envelope
	resp.OK = true
	resp.Data = get[[]*models.Account]()
	return &resp
}

// accountsOrError returns the envelope with an error.
func accountsOrError() (*Envelope, error) {
	resp := &Envelope{OK: true}
	resp.Data = get[[]models.Account]()
	return resp, nil
}

// emptyEnvelope returns one whose Data is nil.
func emptyEnvelope() Envelope {
	resp := Envelope{OK: true}
	resp.Data = nil
	return resp
}

func returnedEnvelope(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(emptyEnvelope())
	resp := accountsEnvelope()
	json.NewEncoder(w).Encode(resp) // want `json.NewEncoder\(w\).Encode sends the secret field \*Envelope → .Data\[i\].Salt as "salt"`
	out, err := accountsOrError()
	if err != nil {
		return
	}
	json.NewEncoder(w).Encode(out) // want `json.NewEncoder\(w\).Encode sends the secret field \*Envelope → .Data\[i\].Salt as "salt"`
}
