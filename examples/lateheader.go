package main

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
)

// An order as the API returns it.
type order struct {
	ID    int    `json:"id"`
	Item  string `json:"item"`
	Count int    `json:"count"`
}

var orders struct {
	sync.Mutex
	list []order
}

// createOrder stores a new order (route: POST /orders). It sends the 201
// status first, so the Location and Content-Type headers set after it
// never reach the client (lateheader).
func createOrder(w http.ResponseWriter, r *http.Request) {
	var o order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, "bad order: "+err.Error(), http.StatusBadRequest)
		return
	}
	orders.Lock()
	o.ID = len(orders.list) + 1
	orders.list = append(orders.list, o)
	orders.Unlock()

	w.WriteHeader(http.StatusCreated)
	w.Header().Set("Location", "/orders/"+strconv.Itoa(o.ID))
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(o)
}
