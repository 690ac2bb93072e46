package main

import (
	"encoding/json"
	"net/http"
	"time"
)

// customer is the shop's stored account record.
type customer struct {
	ID           int64     `json:"id"`
	Email        string    `json:"email"`
	Name         string    `json:"name"`
	PasswordHash string    `json:"password_hash"`
	CreatedAt    time.Time `json:"created_at"`
}

// findCustomer stands in for the shop's database lookup.
func findCustomer(r *http.Request) customer {
	return customer{ID: 1, Email: "ada@example.com", Name: "Ada", PasswordHash: "$2a$10$...", CreatedAt: time.Now()}
}

// profile returns the signed-in customer's profile (route: GET /profile).
// It encodes the stored record itself, so the password hash goes to the
// browser with the rest (jsonleak).
func profile(w http.ResponseWriter, r *http.Request) {
	c := findCustomer(r)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(c)
}
