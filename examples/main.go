// Command resplint-demo is a small shop back end with one instance of each
// response mistake resplint finds. Run resplint on it:
//
//	resplint ./...
package main

import (
	"log"
	"net/http"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", login)
	mux.HandleFunc("POST /logout", logout)
	mux.HandleFunc("GET /profile", profile)
	mux.HandleFunc("GET /account", account)
	mux.HandleFunc("GET /admin/orders/export", exportOrders)
	mux.HandleFunc("POST /orders", createOrder)
	log.Fatal(http.ListenAndServe("localhost:8080", withCORS(mux)))
}
