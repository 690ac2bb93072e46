package main

import (
	"encoding/json"
	"net/http"
)

// account answers GET /account with the signed-in user's details. It
// reads the session cookie but sends no Cache-Control, so a CDN in front
// of the shop may keep one customer's details and serve them to the next
// (privatecache). Route: mux.HandleFunc("GET /account", account).
func account(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session_id")
	if err != nil {
		http.Error(w, "please log in", http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(struct {
		Session string `json:"session"`
		Email   string `json:"email"`
	}{c.Value, "customer@example.com"})
}
