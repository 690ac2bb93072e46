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
	log.Fatal(http.ListenAndServe("localhost:8080", mux))
}
